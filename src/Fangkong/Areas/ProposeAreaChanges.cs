using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>
/// The daily evaluation: the criteria of every compound in the scope (and of every designated
/// region and building), the rules of <see cref="AreaRules"/>, and the county rule (a precaution
/// or low-risk county lifts when nothing sealed or controlled is left in it). It only writes
/// proposals: a pending proposal for the same change is kept, one for another change or no
/// longer due is superseded, and a change the user rejected is not asked again at once.
/// </summary>
public static class ProposeAreaChanges
{
    /// <param name="Compounds">Compounds evaluated.</param>
    /// <param name="Proposed">New proposals written.</param>
    /// <param name="Kept">Pending proposals still due, left as they were.</param>
    /// <param name="Superseded">Pending proposals no longer due.</param>
    public sealed record Summary(DateOnly Day, string Scope, int Compounds, int Regions, int Designations, int Proposed, int Kept, int Superseded);

    /// <summary>A lift the user rejected is asked again after this many days, the criteria still holding.</summary>
    public const int RejectedLiftQuietDays = 3;

    public static async Task<Result<Summary>> HandleAsync(FangkongDbContext db, TimeProvider time, string scope, DateOnly day, AreaCriteriaSettings? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        settings ??= AreaCriteriaSettings.Default;
        var compounds = await EvaluateAreaCriteria.ForCompoundsAsync(db, scope, day, settings, ct);
        if (!compounds.IsSuccess)
        {
            return compounds.Error!;
        }

        var region = RegionCode.Normalise(scope)!;
        var versions = await db.PolicyVersions.AsNoTracking().Where(v => v.EffectiveFrom <= day).ToListAsync(ct);
        var active = await db.AreaDesignations.AsNoTracking()
            .Where(d => d.RegionCode.StartsWith(region) && d.EndsOn == null && d.StartsOn <= day)
            .ToListAsync(ct);
        var pending = await db.AreaProposals
            .Where(p => p.RegionCode.StartsWith(region) && p.Status == ProposalStatus.Pending)
            .ToListAsync(ct);
        var since = day.AddDays(-settings.CleanDays);
        var rejected = await db.AreaProposals.AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(region) && p.Status == ProposalStatus.Rejected && p.ProposedOn >= since)
            .ToListAsync(ct);

        var due = new List<(AreaUnit Unit, AreaDesignation? Current, AreaRules.Change Change, string Facts, DateOnly? LastInfection)>();
        // A compound may hold one designation per scheme (rule 6): each is judged by its own scheme's rule. A new
        // positive where nothing is designated is proposed in the plan's own scheme only.
        var byCompound = active.Where(d => d.UnitKind == AreaUnitKind.Compound).ToLookup(d => d.UnitId!.Value);
        var lines = compounds.Value!.ToDictionary(l => l.Key, StringComparer.Ordinal);
        foreach (var line in compounds.Value!)
        {
            var id = long.Parse(line.Key, System.Globalization.CultureInfo.InvariantCulture);
            var plan = PolicyVersions.InForce(versions, line.RegionCode, day);
            var own = plan?.AreaScheme ?? AreaScheme.SealedControlled;
            // A designation of a scheme the plan no longer allows is still judged until it lifts.
            foreach (var scheme in (plan?.AreaSchemes() ?? [own]).Union(byCompound[id].Select(d => d.Scheme)))
            {
                var current = byCompound[id].FirstOrDefault(d => d.Scheme == scheme);
                if ((current is not null || scheme == own) && AreaRules.For(line, current, scheme, settings) is { } change)
                {
                    due.Add((new AreaUnit(AreaUnitKind.Compound, line.RegionCode, id, line.Name), current, change, ProposalFacts.Of(line), line.LastInfectionOn));
                }
            }
        }

        // Buildings are judged on their compound's facts: cases and rounds are not kept per building.
        var buildings = active.Where(d => d.UnitKind == AreaUnitKind.Building).ToList();
        if (buildings.Count > 0)
        {
            var ids = buildings.Select(b => b.UnitId!.Value).ToList();
            var compoundOf = await db.Buildings.AsNoTracking().Where(b => EF.Parameter(ids).Contains(b.Id))
                .ToDictionaryAsync(b => b.Id, b => b.CompoundId, ct);
            foreach (var designation in buildings)
            {
                if (compoundOf.TryGetValue(designation.UnitId!.Value, out var compoundId)
                    && lines.TryGetValue(EvaluateAreaCriteria.Key(compoundId), out var line)
                    && AreaRules.For(line, designation, designation.Scheme, settings) is { } change)
                {
                    due.Add((designation.Unit, designation, change, ProposalFacts.Of(line), line.LastInfectionOn));
                }
            }
        }

        // Designated regions below county level, one evaluation per level in use.
        var regions = active.Where(d => d.UnitKind == AreaUnitKind.Region && !d.Level.IsCountyWide()).ToList();
        var regionLines = 0;
        foreach (var level in regions.Select(d => (RegionLevel)d.RegionCode.Length).Distinct().Where(l => (int)l >= region.Length))
        {
            var evaluated = await EvaluateAreaCriteria.ForRegionsAsync(db, region, level, day, settings, ct);
            if (!evaluated.IsSuccess)
            {
                return evaluated.Error!;
            }

            regionLines += evaluated.Value!.Count;
            var byCode = evaluated.Value!.ToDictionary(l => l.Key, StringComparer.Ordinal);
            foreach (var designation in regions.Where(d => d.RegionCode.Length == (int)level))
            {
                if (byCode.TryGetValue(designation.RegionCode, out var line)
                    && AreaRules.For(line, designation, designation.Scheme, settings) is { } change)
                {
                    due.Add((designation.Unit, designation, change, ProposalFacts.Of(line), line.LastInfectionOn));
                }
            }
        }

        // The county rule: the sealed and controlled (high and medium risk) areas designated under a precaution
        // (low-risk) county have all lifted — there were some, and none is left.
        var counties = active.Where(d => d.Level.IsCountyWide()).ToList();
        var lifted = new List<AreaDesignation>();
        if (counties.Count > 0)
        {
            var earliest = counties.Min(d => d.StartsOn);
            lifted = await db.AreaDesignations.AsNoTracking()
                .Where(d => d.RegionCode.StartsWith(region) && d.EndsOn != null && d.EndsOn >= earliest && d.EndsOn <= day)
                .ToListAsync(ct);
        }

        foreach (var county in counties)
        {
            // Each scheme's county-wide level lifts on its own scheme's areas (防范区 on 封控/管控, 低风险 on 高/中风险).
            var under = (AreaDesignation d) => !d.Level.IsCountyWide() && d.Scheme == county.Scheme && d.RegionCode.StartsWith(county.RegionCode, StringComparison.Ordinal);
            var open = active.Count(under);
            if (open == 0 && lifted.Exists(d => under(d) && d.EndsOn >= county.StartsOn))
            {
                due.Add((county.Unit, county, new AreaRules.Change(null, ProposalRule.CountyCleared), "辖区内封控区、管控区（高、中风险区）均已解除; every sealed and controlled (high and medium risk) area of the county has lifted.", null));
            }
        }

        var now = time.GetUtcNow();
        int proposed = 0, kept = 0;
        var stillDue = new HashSet<AreaProposal>();
        foreach (var (unit, current, change, facts, lastInfection) in due)
        {
            var proposal = new AreaProposal(unit, current, change.ToLevel, change.Rule, facts, day, now);
            if (pending.Find(p => p.SameChange(proposal)) is { } same)
            {
                stillDue.Add(same);
                kept++;
                continue;
            }

            if (rejected.Exists(r => r.SameChange(proposal) && AskedRecently(r, change, lastInfection, day)))
            {
                continue;
            }

            db.AreaProposals.Add(proposal);
            proposed++;
        }

        var superseded = 0;
        foreach (var stale in pending.Where(p => !stillDue.Contains(p)))
        {
            stale.Supersede(now);
            superseded++;
        }

        await db.SaveChangesAsync(ct);
        return new Summary(day, region, compounds.Value!.Count, regionLines, active.Count, proposed, kept, superseded);
    }

    /// <summary>A rejected seal stands until a newer infection; a rejected lift for <see cref="RejectedLiftQuietDays"/> days.</summary>
    private static bool AskedRecently(AreaProposal rejected, AreaRules.Change change, DateOnly? lastInfection, DateOnly day) =>
        change.ToLevel is { } to && to.Severity() >= 3
            ? lastInfection is null || rejected.ProposedOn >= lastInfection
            : day.DayNumber - rejected.ProposedOn.DayNumber < RejectedLiftQuietDays;
}
