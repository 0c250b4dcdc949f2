using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Clusters;

/// <summary>
/// Links every case whose person is in the register with a household number to that household
/// (same number within the same region), dated the report date. Idempotent: a link already there
/// is not added again.
/// </summary>
public static class DeriveHouseholdLinks
{
    public static async Task<int> HandleAsync(FangkongDbContext db, DateOnly asOf, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from c in db.Cases.AsNoTracking()
            join p in db.Persons.AsNoTracking() on c.PersonId equals p.Id
            where c.ReportedOn <= asOf && p.HouseholdNo != null && p.HouseholdNo != string.Empty
            select new { CaseId = c.Id, p.RegionCode, HouseholdNo = p.HouseholdNo!, c.ReportedOn }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        var existing = (await db.CaseLinks.AsNoTracking().Where(l => l.Target == LinkTarget.Household)
                .Select(l => new { l.CaseId, l.TargetKey, l.On }).ToListAsync(ct))
            .Select(l => (l.CaseId, l.TargetKey, l.On)).ToHashSet();
        var added = 0;
        foreach (var row in rows)
        {
            var link = CaseLink.ToHousehold(row.CaseId, row.RegionCode, row.HouseholdNo, row.ReportedOn, LinkSource.Residence);
            if (link.IsSuccess && existing.Add((row.CaseId, link.Value!.TargetKey, row.ReportedOn)))
            {
                db.CaseLinks.Add(link.Value!);
                added++;
            }
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return added;
    }
}
