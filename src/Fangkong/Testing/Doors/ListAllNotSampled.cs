using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;

namespace Fangkong.Testing.Doors;

/// <summary>
/// Every row of the door-to-door list for a filter, in address order, masked as the page is, with
/// one audit line naming what it was for (the print view, an export) and every person listed.
/// </summary>
public static class ListAllNotSampled
{
    public sealed record DoorList(DoorScope Scope, IReadOnlyList<DoorRow> Rows);

    public static async Task<Result<DoorList>> HandleAsync(FangkongDbContext db, DoorFilter filter, string purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkedScope = await DoorScope.CheckAsync(db, filter, ct);
        if (!checkedScope.IsSuccess)
        {
            return checkedScope.Error!;
        }

        var scope = checkedScope.Value!;
        var rows = await DoorListQuery.AllAsync(db, scope, ct);
        var items = rows.Select(r => r.For(db.Jurisdiction)).ToList();
        await db.AuditSearchAsync(nameof(Person), $"not-sampled {purpose} {items.Count} rows {ListNotSampled.Describe(scope)}", items.Select(i => i.PersonId).ToList(), scope.Community, ct);
        return new DoorList(scope, items);
    }
}
