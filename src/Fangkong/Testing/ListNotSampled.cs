using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.Testing.Doors;

namespace Fangkong.Testing;

/// <summary>
/// The residents of a community not yet sampled in a round, in address order (compound, building,
/// unit, room numerically): the list for knocking on doors ("敲门行动", issue 16 item 1). People
/// exempted from the round (tested elsewhere) are left out. Paged by key (ADR 0035), filtered by
/// compound or building, within the jurisdiction, audited.
/// </summary>
public static class ListNotSampled
{
    /// <summary>
    /// One page. <paramref name="TotalCount"/> is the community's not-sampled figure from the
    /// round's aggregates (whatever the filter); <paramref name="Next"/> continues the list, null on its last page.
    /// </summary>
    public sealed record DoorPage(
        IReadOnlyList<DoorRow> Items, int PageSize, long TotalCount, string? Next, string CommunityName, string RoundName, long? CompoundId, long? BuildingId);

    public static async Task<Result<DoorPage>> HandleAsync(
        FangkongDbContext db, DoorFilter filter, string? after, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkedScope = await DoorScope.CheckAsync(db, filter, ct);
        if (!checkedScope.IsSuccess)
        {
            return checkedScope.Error!;
        }

        var scope = checkedScope.Value!;
        var cursor = DoorCursor.Parse(after);
        if (after is not null && cursor is null)
        {
            return Error.Invalid("after", ErrorText.Of("error.testing.doors-after-not-cursor", after));
        }

        var (_, size) = Page<DoorRow>.Clamp(null, pageSize);
        var (rows, more) = await DoorListQuery.PageAsync(db, scope, cursor, size, ct);
        var items = rows.Select(r => r.For(db.Jurisdiction)).ToList();
        if (items.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Person), $"not-sampled {Describe(scope)} after={after}", items.Select(i => i.PersonId).ToList(), scope.Community, ct);
        }

        var next = more ? rows[^1].Cursor.ToString() : null;
        var total = await DoorCount.NotSampledAsync(db, scope, ct);
        return new DoorPage(items, size, total, next, scope.CommunityName, scope.RoundName, scope.CompoundId, scope.BuildingId);
    }

    /// <summary>The request as the audit line names it.</summary>
    internal static string Describe(DoorScope scope) =>
        $"round={scope.RoundId} community={scope.Community} compound={scope.CompoundId} building={scope.BuildingId}";
}
