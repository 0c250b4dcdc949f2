using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Fangkong.Cases;

namespace Fangkong.Demo;

/// <summary>
/// The outbreak week's area designations, following its cases, under the scheme in force on its
/// dates: 船营区 becomes a precaution (low-risk) area on
/// the week's first day; each day the evaluation runs and the county command approves its
/// proposals (sealing the compounds of new cases), the other compounds of the first sealed
/// compound's community are made controlled (medium risk), and the last day's proposals are left pending for a
/// user to decide. Skipped when the county already has a designation.
/// </summary>
public static class DemoAreas
{
    public const string CountyBody = "船营区疫情防控指挥部";
    public const string CityBody = "吉林市疫情防控指挥部";

    public sealed record Report(int Designations, int Approved, int Pending, int Controlled);

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.AreaDesignations.AnyAsync(d => d.RegionCode.StartsWith(DemoSetup.County), ct))
        {
            return null;
        }

        var round = await db.TestingRounds.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.StartsAt }).FirstOrDefaultAsync(ct);
        if (round is null || !await db.Cases.AnyAsync(c => c.CaseNo == DemoCases.Marker, ct))
        {
            return null;
        }

        var today = ChinaTime.DayOf(round.StartsAt);
        var first = today.AddDays(-DemoCases.Days);
        // The week's dates follow the demo's round, so either scheme may be in force.
        var scheme = await AreaUnits.SchemeAsync(db, DemoSetup.County, first, ct);
        Check(scheme);
        var (countyWide, around) = scheme.Value == AreaScheme.SealedControlled ? (AreaLevel.Precaution, AreaLevel.Controlled) : (AreaLevel.LowRisk, AreaLevel.MediumRisk);
        Check(await DesignateArea.HandleAsync(
            db, new DesignateArea.Command(AreaUnitKind.Region, DemoSetup.County, null, countyWide, first, $"发生本土聚集性疫情，全区划为{countyWide.Zh()}", CityBody), ct));

        var approved = 0;
        var controlled = 0;
        for (var day = first; day < today; day = day.AddDays(1))
        {
            Check(await ProposeAreaChanges.HandleAsync(db, time, DemoSetup.County, day, AreaCriteriaSettings.Default, ct));
            var due = await db.AreaProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Pending).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
            foreach (var id in due)
            {
                Check(await DecideAreaProposal.HandleAsync(db, time, new DecideAreaProposal.Command(id, true, "指挥部会商同意", CountyBody, day), ct));
                approved++;
            }

            if (day == first)
            {
                controlled = await ControlNeighboursAsync(db, first, around, ct);
            }
        }

        Check(await ProposeAreaChanges.HandleAsync(db, time, DemoSetup.County, today, AreaCriteriaSettings.Default, ct));
        var pending = await db.AreaProposals.CountAsync(p => p.Status == ProposalStatus.Pending, ct);
        return new Report(await db.AreaDesignations.CountAsync(ct), approved, pending, controlled);
    }

    /// <summary>The other compounds of the first sealed compound's community become controlled areas (at most five).</summary>
    private static async Task<int> ControlNeighboursAsync(FangkongDbContext db, DateOnly on, AreaLevel level, CancellationToken ct)
    {
        var sealedArea = await db.AreaDesignations.AsNoTracking()
            .Where(d => d.UnitKind == AreaUnitKind.Compound && (d.Level == AreaLevel.Sealed || d.Level == AreaLevel.HighRisk) && d.EndsOn == null)
            .OrderBy(d => d.Id).Select(d => new { d.RegionCode, d.UnitId }).FirstOrDefaultAsync(ct);
        if (sealedArea is null)
        {
            return 0;
        }

        var designated = await db.AreaDesignations.AsNoTracking().Where(d => d.UnitKind == AreaUnitKind.Compound && d.EndsOn == null).Select(d => d.UnitId).ToListAsync(ct);
        var neighbours = await db.Compounds.AsNoTracking()
            .Where(c => c.RegionCode == sealedArea.RegionCode && !EF.Parameter(designated).Contains(c.Id))
            .OrderBy(c => c.Id).Select(c => c.Id).Take(5).ToListAsync(ct);
        foreach (var id in neighbours)
        {
            Check(await DesignateArea.HandleAsync(
                db, new DesignateArea.Command(AreaUnitKind.Compound, null, id, level, on, $"与{AreaLevels.Top(level.SchemeOf()).Zh()}小区同一社区，划为{level.Zh()}", CountyBody), ct));
        }

        return neighbours.Count;
    }

    private static void Check<T>(Result<T> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException(result.Error!.Message);
        }
    }
}
