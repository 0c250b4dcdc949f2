using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>The queries the compound and region evaluations share: candidate rounds and contacts' negative tests.</summary>
internal static class CriteriaQueries
{
    /// <summary>The first instant of a local (China) day.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).ToUniversalTime();

    /// <summary>Rounds that started within the window before and on the day and whose area overlaps the scope (few: read whole).</summary>
    public static async Task<List<CandidateRound>> RoundsAsync(FangkongDbContext db, string scope, DateOnly day, AreaCriteriaSettings settings, CancellationToken ct)
    {
        var from = StartOf(day.AddDays(-settings.RoundWindowDays));
        var to = StartOf(day.AddDays(1));
        var rounds = await db.TestingRounds.AsNoTracking()
            .Where(r => r.StartsAt >= from && r.StartsAt < to)
            .Select(r => new { r.Id, r.RegionCode, r.StartsAt })
            .ToListAsync(ct);
        return rounds
            .Where(r => scope.StartsWith(r.RegionCode, StringComparison.Ordinal) || r.RegionCode.StartsWith(scope, StringComparison.Ordinal))
            .Select(r => new CandidateRound(r.Id, r.RegionCode, ChinaTime.DayOf(r.StartsAt)))
            .ToList();
    }

    /// <summary>
    /// The local day of each document's last negative sample taken by the end of the day, for the
    /// given contacts' documents only. The contacts were read through the jurisdiction filter; their
    /// swabs may have been taken anywhere (a quarantine hotel in another county), hence no filter here.
    /// </summary>
    public static async Task<Dictionary<string, DateOnly>> LastNegativeDaysAsync(FangkongDbContext db, IEnumerable<UnitContact> contacts, DateOnly day, CancellationToken ct)
    {
        var numbers = contacts.Select(c => c.IdNumber).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0)
        {
            return new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        }

        var to = StartOf(day.AddDays(1));
        var last = await (
                from s in db.Samples.IgnoreQueryFilters().AsNoTracking()
                where EF.Parameter(numbers).Contains(s.DocumentNumber) && s.SampledAt < to
                join t in db.Tubes.IgnoreQueryFilters() on s.TubeId equals t.Id
                where t.Result == TestResult.Negative
                group s.SampledAt by s.DocumentNumber into g
                select new { Number = g.Key, Last = g.Max() })
            .ToListAsync(ct);
        return last.ToDictionary(x => x.Number, x => ChinaTime.DayOf(x.Last), StringComparer.Ordinal);
    }
}
