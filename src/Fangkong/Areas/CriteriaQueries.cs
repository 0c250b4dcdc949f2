using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>The queries the compound and region evaluations share: candidate rounds and contacts' negative tests.</summary>
internal static class CriteriaQueries
{
    /// <summary>Rounds that started within the window before and on the day and whose area overlaps the scope (few: read whole).</summary>
    public static async Task<List<CandidateRound>> RoundsAsync(FangkongDbContext db, string scope, DateOnly day, AreaCriteriaSettings settings, CancellationToken ct)
    {
        var from = ChinaTime.StartOf(day.AddDays(-settings.RoundWindowDays));
        var to = ChinaTime.StartOf(day.AddDays(1));
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
    /// The local day of each contact document's last negative sample taken by the end of the day.
    /// The contacts were read through the jurisdiction filter; their swabs may have been taken
    /// anywhere (a quarantine hotel in another county), hence no filter on samples and tubes.
    /// Registered contacts are looked up by person id, the others by document number: SQLite
    /// answers a long list of document numbers by probing the (tube, document) index once per
    /// tube and number, 46 s for 10,000 numbers against 0.2 s by person id.
    /// </summary>
    public static async Task<Dictionary<string, DateOnly>> LastNegativeDaysAsync(FangkongDbContext db, IReadOnlyCollection<UnitContact> contacts, DateOnly day, CancellationToken ct)
    {
        var last = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var to = ChinaTime.StartOf(day.AddDays(1));
        var negatives = from s in db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
                        where s.SampledAt < to
                        join t in db.Tubes.BypassJurisdiction(BypassReason.SwabsTakenAnywhere) on s.TubeId equals t.Id
                        where t.Result == TestResult.Negative
                        select s;

        var ids = contacts.Where(c => c.PersonId is not null).Select(c => c.PersonId).Distinct().ToList();
        if (ids.Count > 0)
        {
            var byPerson = await negatives.Where(s => EF.Parameter(ids).Contains(s.PersonId))
                .GroupBy(s => s.PersonId)
                .Select(g => new { Id = g.Key!.Value, Last = g.Max(s => s.SampledAt) })
                .ToDictionaryAsync(x => x.Id, x => ChinaTime.DayOf(x.Last), ct);
            foreach (var contact in contacts)
            {
                if (contact.PersonId is { } id && byPerson.TryGetValue(id, out var on))
                {
                    Keep(last, contact.IdNumber, on);
                }
            }
        }

        var numbers = contacts.Where(c => c.PersonId is null && c.IdNumber.Length > 0).Select(c => c.IdNumber).Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count > 0)
        {
            var byNumber = await negatives.Where(s => EF.Parameter(numbers).Contains(s.DocumentNumber))
                .GroupBy(s => s.DocumentNumber)
                .Select(g => new { Number = g.Key, Last = g.Max(s => s.SampledAt) })
                .ToListAsync(ct);
            foreach (var x in byNumber)
            {
                Keep(last, x.Number, ChinaTime.DayOf(x.Last));
            }
        }

        return last;
    }

    private static void Keep(Dictionary<string, DateOnly> last, string number, DateOnly on)
    {
        if (!last.TryGetValue(number, out var seen) || seen < on)
        {
            last[number] = on;
        }
    }
}
