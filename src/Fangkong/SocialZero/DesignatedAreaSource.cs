using Fangkong.Areas;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.SocialZero;

/// <summary>
/// Finds the cases whose registered home (region, compound or building) lay in a sealed or
/// controlled area (or a high or medium risk area under the 9th edition) designated before the
/// report day and still in force on it. A designation made on the report day does not count: it
/// is usually the consequence of this very case.
/// </summary>
public sealed class DesignatedAreaSource : IControlledAreaSource
{
    public async Task<IReadOnlyDictionary<string, string>> FindAsync(FangkongDbContext db, IReadOnlyList<CaseFacts> cases, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cases);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = cases.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct().ToList();
        if (cases.Count == 0)
        {
            return found;
        }

        var earliest = cases.Min(c => c.ReportedOn);
        var latest = cases.Max(c => c.ReportedOn);
        var strict = new[] { AreaLevel.Sealed, AreaLevel.Controlled, AreaLevel.HighRisk, AreaLevel.MediumRisk };
        var designations = await db.AreaDesignations.AsNoTracking()
            .Where(d => strict.Contains(d.Level) && d.StartsOn < latest && (d.EndsOn == null || d.EndsOn > earliest))
            .Select(d => new { d.UnitKind, d.RegionCode, d.UnitId, d.UnitName, d.Level, d.StartsOn, d.EndsOn })
            .ToListAsync(ct);
        if (designations.Count == 0)
        {
            return found;
        }

        var homes = ids.Count == 0
            ? []
            : await db.Persons.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id))
                .Select(p => new { p.Id, p.CompoundId, p.BuildingId }).ToDictionaryAsync(p => p.Id, ct);
        foreach (var c in cases)
        {
            var home = c.PersonId is { } pid ? homes.GetValueOrDefault(pid) : null;
            var area = designations.FirstOrDefault(d => d.StartsOn < c.ReportedOn && (d.EndsOn is null || d.EndsOn > c.ReportedOn) && d.UnitKind switch
            {
                AreaUnitKind.Region => c.RegionCode.StartsWith(d.RegionCode, StringComparison.Ordinal),
                AreaUnitKind.Compound => home?.CompoundId is { } compound && d.UnitId == compound,
                AreaUnitKind.Building => home?.BuildingId is { } building && d.UnitId == building,
                _ => false,
            });
            if (area is not null)
            {
                found[c.CaseNo] = $"{area.UnitName} {area.Level.Zh()}，{area.StartsOn:yyyy-MM-dd} 起 ({area.Level.En()} since {area.StartsOn:yyyy-MM-dd})";
            }
        }

        return found;
    }
}
