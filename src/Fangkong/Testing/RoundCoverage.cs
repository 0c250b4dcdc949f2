using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// Coverage of a round ("应检尽检"), live: for a region and each of its subdivisions, the
/// residents who should be tested, those sampled, those with a result, and those in a positive
/// tube. Counts follow where people are registered, wherever they were swabbed; only counts leave
/// here, so the sampling-point filter is lifted for them, never the region of the caller.
/// "Should test" is the residents less those exempted from the round (tested elsewhere:
/// <see cref="RoundExemption"/>) and not sampled in it; an exempted person swabbed all the same
/// stays in "should test" and counts as sampled, so that the sampled share never passes 100 %.
/// </summary>
public static class RoundCoverage
{
    /// <param name="Exempted">Residents exempted from the round (tested elsewhere) and not sampled in it: left out of <paramref name="ShouldTest"/>.</param>
    public sealed record Line(string Code, string Name, RegionLevel Level, long ShouldTest, long Sampled, long Resulted, long Positive, long Exempted)
    {
        public long NotSampled => Math.Max(0, ShouldTest - Sampled);

        public double SampledShare => ShouldTest == 0 ? 0 : (double)Sampled / ShouldTest;
    }

    public sealed record View(long RoundId, string RoundName, int PoolSize, DateTimeOffset Deadline, bool PastDeadline, Line Total, IReadOnlyList<Line> Children);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, TimeProvider time, long roundId, string? regionCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var round = found.Value!;
        var region = regionCode is null ? Narrowest(round.RegionCode, db.Jurisdiction.RegionPrefix) : Regions.RegionCode.Normalise(regionCode);
        if (region is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", regionCode));
        }

        if (!db.Jurisdiction.Covers(region) || !region.StartsWith(round.RegionCode, StringComparison.Ordinal))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-round", region));
        }

        var current = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == region, ct);
        if (current is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.region-not-registry", region));
        }

        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == region).OrderBy(r => r.Code).ToListAsync(ct);
        var length = children.Count > 0 ? children[0].Code.Length : region.Length;
        // From the maintained counts per code: the cost does not grow with the population.
        var residents = await Populations.BySubdivisionAsync(db, region, length, ct);
        // From the round's maintained tallies per code (ADR 0029): a sum over the subtree's codes,
        // whatever the number of swabs. Counts follow where people are registered, wherever swabbed,
        // so the jurisdiction filter is lifted; the region asked for is inside the caller's (checked above).
        var tallies = await db.Set<Tallies.RoundTally>().BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
            .Where(t => t.RoundId == round.Id && t.RegionCode.StartsWith(region))
            .GroupBy(t => t.RegionCode.Substring(0, length))
            .Select(g => new { Code = g.Key, Sampled = g.Sum(t => t.Sampled), Resulted = g.Sum(t => t.Resulted), Positive = g.Sum(t => t.Positive), Exempted = g.Sum(t => t.Exempted) })
            .ToDictionaryAsync(x => x.Code, ct);
        var sampled = tallies.ToDictionary(t => t.Key, t => t.Value.Sampled);
        var resulted = tallies.ToDictionary(t => t.Key, t => t.Value.Resulted);
        var positive = tallies.ToDictionary(t => t.Key, t => t.Value.Positive);
        var exempted = tallies.ToDictionary(t => t.Key, t => t.Value.Exempted);

        Line LineOf(string code, string name, RegionLevel level) => new(
            code, name, level, residents.GetValueOrDefault(code) - exempted.GetValueOrDefault(code), sampled.GetValueOrDefault(code),
            resulted.GetValueOrDefault(code), positive.GetValueOrDefault(code), exempted.GetValueOrDefault(code));

        var lines = children.Select(c => LineOf(c.Code, c.Name, c.Level)).ToList();
        var total = new Line(
            current.Code, current.Name, current.Level, residents.Values.Sum() - exempted.Values.Sum(), sampled.Values.Sum(), resulted.Values.Sum(), positive.Values.Sum(), exempted.Values.Sum());
        return new View(round.Id, round.Name, round.PoolSize, round.Deadline, time.GetUtcNow() > round.Deadline, total, lines);
    }

    /// <summary>The round's area, or the caller's region when that lies inside it.</summary>
    private static string Narrowest(string round, string caller) =>
        caller.StartsWith(round, StringComparison.Ordinal) && caller.Length > round.Length ? caller : round;
}
