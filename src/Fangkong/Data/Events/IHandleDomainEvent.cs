using Fangkong.Common;

namespace Fangkong.Data;

/// <summary>
/// Reacts to <typeparamref name="TEvent"/> on the publisher's DbContext: what it adds or changes is saved
/// by the publisher's next <c>SaveChanges</c>, in the same transaction. A handler needs a public
/// parameterless constructor; <see cref="DomainEvents"/> finds it by reflection.
/// </summary>
public interface IHandleDomainEvent<in TEvent>
    where TEvent : IDomainEvent
{
    Task HandleAsync(FangkongDbContext db, TEvent domainEvent, CancellationToken ct);
}
