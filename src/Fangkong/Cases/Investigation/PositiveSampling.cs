using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// The sampling date of a case's positive sample: the first positive tube (pooled or single)
/// holding the person's swab in the days before the report. The look-back of an asymptomatic
/// infection counts from it, not from the report date (DOMAIN §2): a report a day or two after
/// sampling would otherwise miss the contacts of the days before the swab.
/// </summary>
public static class PositiveSampling
{
    /// <summary>How far before the report a positive sample is still taken as the one that found the case.</summary>
    public const int SearchDays = 14;

    /// <summary>The day (China time) the first positive sample of <paramref name="c"/> was taken, or null when testing holds none.</summary>
    public static async Task<DateOnly?> FirstSampledOnAsync(FangkongDbContext db, Case c, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(c);
        var since = ChinaTime.StartOf(c.ReportedOn.AddDays(-SearchDays));
        var until = ChinaTime.StartOf(c.ReportedOn.AddDays(1));
        var personId = c.PersonId;
        var idNumber = c.IdNumber;
        if (personId is null && idNumber.Length == 0)
        {
            return null;
        }

        var sampled = await (from s in db.Samples.AsNoTracking()
                             join t in db.Tubes.AsNoTracking() on s.TubeId equals t.Id
                             where t.Result == Testing.TestResult.Positive && s.SampledAt >= since && s.SampledAt < until
                                 && ((personId != null && s.PersonId == personId) || (idNumber != "" && s.DocumentNumber == idNumber))
                             select s.SampledAt).ToListAsync(ct);
        return sampled.Count == 0 ? null : ChinaTime.DayOf(sampled.Min());
    }
}
