using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.ClosedLoop;

/// <summary>The closed loops in the caller's jurisdiction, with their member and open-breach counts.</summary>
public static class ListGroups
{
    public sealed record Row(long Id, string Name, string RegionCode, long? OrganisationId, long? PlaceId, int Members, int Breaches);

    public static async Task<IReadOnlyList<Row>> HandleAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ClosedLoopGroups.AsNoTracking()
            .OrderBy(g => g.RegionCode).ThenBy(g => g.Name)
            .Select(g => new Row(
                g.Id, g.Name, g.RegionCode, g.OrganisationId, g.PlaceId,
                db.ClosedLoopMembers.Count(m => m.GroupId == g.Id && m.LeftOn == null),
                db.ClosedLoopBreaches.Count(b => b.GroupId == g.Id)))
            .ToListAsync(ct);
    }
}
