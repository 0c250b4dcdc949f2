using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>
/// The facts of the region evaluation, grouped by the region code cut to the level's length:
/// cases and contacts by their address region (so that cases without a register match count too),
/// residents and round results by the region residents are registered in.
/// </summary>
internal static class RegionFacts
{
    /// <param name="region">A region inside the caller's jurisdiction (checked by the caller).</param>
    public static async Task<UnitFacts> LoadAsync(FangkongDbContext db, string region, int length, DateOnly day, AreaCriteriaSettings settings, CancellationToken ct)
    {
        var infections = await db.Cases.AsNoTracking().NewLocalInfections()
            .Where(c => c.RegionCode.StartsWith(region) && c.ReportedOn <= day)
            .GroupBy(c => c.RegionCode.Substring(0, length))
            .Select(g => new { Code = g.Key, Last = g.Max(c => c.ReportedOn) })
            .ToDictionaryAsync(x => x.Code, x => x.Last, StringComparer.Ordinal, ct);

        var contacts = (await (
                    from k in db.Contacts.AsNoTracking()
                    where k.RegionCode.StartsWith(region) && k.Kind == ContactKind.Close && (k.ExposureOn ?? k.IdentifiedOn) <= day
                    join p in db.Persons on k.IdNumber equals p.DocumentNumber into registered
                    from p in registered.DefaultIfEmpty()
                    select new { Code = k.RegionCode.Substring(0, length), Exposure = k.ExposureOn ?? k.IdentifiedOn, k.IdNumber, PersonId = (long?)p!.Id })
                .ToListAsync(ct))
            .Select(c => new UnitContact(c.Code, c.Exposure, c.IdNumber, c.PersonId))
            .ToList();

        var residents = await db.Persons.AsNoTracking().Where(p => p.RegionCode.StartsWith(region))
            .GroupBy(p => p.RegionCode.Substring(0, length))
            .Select(g => new { Code = g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(x => x.Code, x => x.Count, StringComparer.Ordinal, ct);

        var rounds = await CriteriaQueries.RoundsAsync(db, region, day, settings, ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var lines = new Dictionary<(long, string), RoundLine>();
        var exempted = new Dictionary<(long, string), long>();
        if (roundIds.Count > 0)
        {
            // Swabs are taken anywhere: the sample and tube filters are lifted, the residents filtered by region instead.
            var everyone = db.Persons.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking().Where(p => p.RegionCode.StartsWith(region));
            var results = await (
                    from s in db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
                    where EF.Parameter(roundIds).Contains(s.RoundId)
                    join p in everyone on s.PersonId equals p.Id
                    join t in db.Tubes.BypassJurisdiction(BypassReason.SwabsTakenAnywhere) on s.TubeId equals t.Id
                    group new { s.PersonId, t.Result } by new { s.RoundId, Code = p.RegionCode.Substring(0, length) } into g
                    select new
                    {
                        g.Key.RoundId,
                        g.Key.Code,
                        Negative = g.Where(x => x.Result == TestResult.Negative).Select(x => x.PersonId).Distinct().LongCount(),
                        Positive = g.Where(x => x.Result == TestResult.Positive).Select(x => x.PersonId).Distinct().LongCount(),
                    })
                .ToListAsync(ct);
            lines = results.ToDictionary(r => (r.RoundId, r.Code), r => new RoundLine(r.Negative, r.Positive));

            var exemptions = await (
                    from e in ExemptedNotSwabbed.In(db, roundIds)
                    join p in everyone on e.PersonId equals p.Id
                    group e by new { e.RoundId, Code = p.RegionCode.Substring(0, length) } into g
                    select new { g.Key.RoundId, g.Key.Code, Count = g.LongCount() })
                .ToListAsync(ct);
            exempted = exemptions.ToDictionary(r => (r.RoundId, r.Code), r => r.Count);
        }

        var negatives = await CriteriaQueries.LastNegativeDaysAsync(db, contacts, day, ct);
        return new UnitFacts(infections, contacts, negatives, residents, rounds, lines, exempted);
    }
}
