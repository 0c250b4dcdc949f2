using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo.Drills;

/// <summary>
/// The drill's figures, read back from the rows its days wrote. A night's placements leave in the
/// order they were made, <see cref="DrillPlan.Seats"/> to a vehicle, every vehicle once each
/// <see cref="DrillPlan.TripHours"/> hours: the k-th arrives after (1 + k / (vehicles × seats)) trips.
/// </summary>
internal static class DrillMeasures
{
    /// <summary>When a case's positive tube is resulted: the lab's batch of 13:00.</summary>
    private const int ResultHour = 13;

    /// <summary>When a day's close contacts are identified: the evening's reporting.</summary>
    private const int IdentifiedHour = 20;

    public static async Task<DrillReport> ReadAsync(FangkongDbContext db, DrillPlan plan, List<DrillReport.Day> days, CancellationToken ct)
    {
        var placements = await db.Placements.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PlacedAt, p.CaseId, p.ContactId }).ToListAsync(ct);
        var perTrip = plan.TransferVehicles * DrillPlan.Seats;
        var arrivals = placements.GroupBy(p => p.PlacedAt)
            .SelectMany(night => night.Select((p, k) => (p.CaseId, p.ContactId, At: p.PlacedAt.AddHours(DrillPlan.TripHours * (1 + k / perTrip)))))
            .ToList();
        var caseArrival = arrivals.Where(a => a.CaseId != null).GroupBy(a => a.CaseId!.Value).ToDictionary(g => g.Key, g => g.Min(a => a.At));
        var contactArrival = arrivals.Where(a => a.ContactId != null).GroupBy(a => a.ContactId!.Value).ToDictionary(g => g.Key, g => g.Min(a => a.At));

        var cases = await db.Cases.AsNoTracking().Select(c => new { c.Id, c.ReportedOn }).ToListAsync(ct);
        var hours = cases.Where(c => caseArrival.ContainsKey(c.Id))
            .Select(c => (caseArrival[c.Id] - ChinaTime.StartOf(c.ReportedOn).AddHours(ResultHour)).TotalHours)
            .Order().ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.Kind == ContactKind.Close).Select(c => new { c.Id, c.IdentifiedOn }).ToListAsync(ct);
        var late = contacts.Count(c => !contactArrival.TryGetValue(c.Id, out var at) || at > ChinaTime.StartOf(c.IdentifiedOn).AddHours(IdentifiedHour + 12));

        var zero = days.FindIndex(d => d.Social == 0 && d.Hidden == 0);
        return new DrillReport(
            plan,
            cases.Count,
            days.Sum(d => d.Social),
            contacts.Count,
            hours.Count == 0 ? null : Math.Round(hours.Average(), 1),
            hours.Count == 0 ? null : Math.Round(hours[(int)Math.Ceiling(0.9 * hours.Count) - 1], 1),
            cases.Count - hours.Count,
            late,
            zero < 0 ? null : zero + 1,
            days);
    }
}
