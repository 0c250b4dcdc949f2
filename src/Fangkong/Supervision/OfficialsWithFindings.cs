using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision;

/// <summary>
/// The officials with findings in the caller's jurisdiction, most open + overdue first, cut to the
/// top rows, for the dashboard; each links to their <c>Accountability.OfficialRecord</c>. Counted by the
/// database per official; names and units come from the officials' records (also filtered).
/// </summary>
public static class OfficialsWithFindings
{
    public const int Top = 20;

    public sealed record Line(long OfficialId, string Name, string Unit, int Open, int Overdue, int Verified);

    public static async Task<IReadOnlyList<Line>> HandleAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        // One group per official (a few thousand at most); ordered and cut here, in plain C#.
        var counts = (await db.Findings.AsNoTracking()
                .GroupBy(f => f.ResponsibleOfficialId)
                .Select(g => new
                {
                    g.Key,
                    Open = g.Sum(f => f.Status == FindingStatus.Open ? 1 : 0),
                    Overdue = g.Sum(f => f.Status == FindingStatus.Open && f.Deadline < now ? 1 : 0),
                    Verified = g.Sum(f => f.Status == FindingStatus.Verified ? 1 : 0),
                })
                .ToListAsync(ct))
            .OrderByDescending(c => c.Open + c.Overdue).ThenByDescending(c => c.Overdue).ThenBy(c => c.Key)
            .Take(Top)
            .ToList();
        var ids = counts.Select(c => c.Key).ToList();
        var people = await db.Officials.AsNoTracking()
            .Where(o => EF.Parameter(ids).Contains(o.Id))
            .Join(db.Organisations.AsNoTracking(), o => o.OrganisationId, u => u.Id, (o, u) => new { o.Id, o.Name, Unit = u.Name })
            .ToDictionaryAsync(x => x.Id, ct);
        // A finding in the jurisdiction may name an official of a unit above it (outside it): such a
        // line has no record page to link to and is left out.
        return [.. counts.Where(c => people.ContainsKey(c.Key)).Select(c => new Line(c.Key, people[c.Key].Name, people[c.Key].Unit, c.Open, c.Overdue, c.Verified))];
    }
}
