using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Data.Concurrency;

/// <summary>
/// The optimistic concurrency token of entities with a state machine: an integer <c>version</c>
/// column, the same on both providers, that every update through EF raises by one
/// (<see cref="RowVersionInterceptor"/>) and checks in its WHERE clause. Two requests that read
/// the same row and both change it: the second update matches no row, and EF throws
/// <see cref="DbUpdateConcurrencyException"/>, which the web answers with 409
/// (docs/decisions/0018-concurrency.md).
/// </summary>
public static class RowVersion
{
    /// <summary>The shadow property; the entity classes do not carry it.</summary>
    public const string Property = "Version";

    /// <summary>Maps the token on an entity (one line in its configuration).</summary>
    public static EntityTypeBuilder<T> HasRowVersion<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property<long>(Property).IsConcurrencyToken();
        return builder;
    }

    /// <summary>Whether the entity type carries the token.</summary>
    public static bool IsVersioned(IEntityType type) =>
        type.FindProperty(Property) is { } p && p.IsShadowProperty() && p.IsConcurrencyToken && p.ClrType == typeof(long);
}
