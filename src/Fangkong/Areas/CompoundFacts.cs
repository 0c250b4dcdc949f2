using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>The facts of the compound evaluation, grouped by the compound residents are registered in.</summary>
internal static class CompoundFacts
{
    /// <param name="region">A region inside the caller's jurisdiction (checked by the caller): queries that lift the sample filter filter the residents by it.</param>
    public static async Task<UnitFacts> LoadAsync(FangkongDbContext db, string region, DateOnly day, AreaCriteriaSettings settings, CancellationToken ct)
    {
        var persons = db.Persons.AsNoTracking().Where(p => p.CompoundId != null && p.RegionCode.StartsWith(region));

        // A new infection: a case of a resident, on its report date (NewLocalInfection says which cases count).
        var infections = await (
                from c in db.Cases.AsNoTracking().NewLocalInfections()
                where c.PersonId != null && c.ReportedOn <= day
                join p in persons on c.PersonId equals p.Id
                group c.ReportedOn by p.CompoundId into g
                select new { Id = g.Key!.Value, Last = g.Max() })
            .ToDictionaryAsync(x => EvaluateAreaCriteria.Key(x.Id), x => x.Last, ct);

        var contacts = (await (
                from k in db.Contacts.AsNoTracking()
                where k.Kind == ContactKind.Close && (k.ExposureOn ?? k.IdentifiedOn) <= day
                join p in persons on k.IdNumber equals p.DocumentNumber
                select new { Id = p.CompoundId!.Value, Exposure = k.ExposureOn ?? k.IdentifiedOn, k.IdNumber, PersonId = p.Id })
            .ToListAsync(ct))
            .Select(c => new UnitContact(EvaluateAreaCriteria.Key(c.Id), c.Exposure, c.IdNumber, c.PersonId))
            .ToList();

        var residents = await persons.GroupBy(p => p.CompoundId)
            .Select(g => new { Id = g.Key!.Value, Count = g.LongCount() })
            .ToDictionaryAsync(x => EvaluateAreaCriteria.Key(x.Id), x => x.Count, ct);

        var rounds = await CriteriaQueries.RoundsAsync(db, region, day, settings, ct);
        var roundIds = rounds.Select(r => r.Id).ToList();
        var lines = new Dictionary<(long, string), RoundLine>();
        var exempted = new Dictionary<(long, string), long>();
        if (roundIds.Count > 0)
        {
            // Swabs are taken anywhere: the sample and tube filters are lifted, the residents filtered by region instead.
            var everyone = db.Persons.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking().Where(p => p.CompoundId != null && p.RegionCode.StartsWith(region));
            var results = await (
                    from s in db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
                    where EF.Parameter(roundIds).Contains(s.RoundId)
                    join p in everyone on s.PersonId equals p.Id
                    join t in db.Tubes.BypassJurisdiction(BypassReason.SwabsTakenAnywhere) on s.TubeId equals t.Id
                    group new { s.PersonId, t.Result } by new { s.RoundId, p.CompoundId } into g
                    select new
                    {
                        g.Key.RoundId,
                        Id = g.Key.CompoundId!.Value,
                        Negative = g.Where(x => x.Result == TestResult.Negative).Select(x => x.PersonId).Distinct().LongCount(),
                        Positive = g.Where(x => x.Result == TestResult.Positive).Select(x => x.PersonId).Distinct().LongCount(),
                    })
                .ToListAsync(ct);
            lines = results.ToDictionary(r => (r.RoundId, EvaluateAreaCriteria.Key(r.Id)), r => new RoundLine(r.Negative, r.Positive));

            var exemptions = await (
                    from e in ExemptedNotSwabbed.In(db, roundIds)
                    join p in everyone on e.PersonId equals p.Id
                    group e by new { e.RoundId, p.CompoundId } into g
                    select new { g.Key.RoundId, Id = g.Key.CompoundId!.Value, Count = g.LongCount() })
                .ToListAsync(ct);
            exempted = exemptions.ToDictionary(r => (r.RoundId, EvaluateAreaCriteria.Key(r.Id)), r => r.Count);
        }

        var negatives = await CriteriaQueries.LastNegativeDaysAsync(db, contacts, day, ct);
        return new UnitFacts(infections, contacts, negatives, residents, rounds, lines, exempted);
    }
}
