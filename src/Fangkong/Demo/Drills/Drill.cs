using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Demo.Replay;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo.Drills;

/// <summary>
/// <c>simulate</c>: a drill (演练) of a plan on the replay's engine. Each day from 2022-03-01 the
/// model (<see cref="DrillEpidemic"/>) says how many are found; the replay's day then runs through
/// the product's use cases on the given (empty, usually temporary) database: a round with the
/// plan's pool size over as many people as points and labs can test, cases reported, close
/// contacts identified after the plan's delay, and the night's allocation over the plan's rooms
/// and beds. The report is read back from what the day wrote, with the transfers' trips added to
/// the placements' times.
/// </summary>
public static class Drill
{
    public static readonly DateOnly Start = JilinCityCalibration.FirstDay;

    public static async Task<DrillReport> RunAsync(FangkongDbContext db, DrillPlan plan, IProgress<JilinCityReplay.Progress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Check() is { } bad)
        {
            throw new ArgumentException(bad, nameof(plan));
        }

        if (await db.TestingRounds.AnyAsync(ct))
        {
            throw new InvalidOperationException("database: a drill runs on an empty database of its own.");
        }

        await Regions.EnsureReferenceData.EnsureJilinAsync(db, ct);
        await JilinCityReplay.EnsurePopulationAsync(db, new JilinCityReplay.Options(Start, Start, plan.People, plan.Seed), progress, ct);
        var clock = SimulationClock.StartingOn(Start);
        await using var drill = JilinCityReplay.NewContext(db, clock);
        var city = await ReplayCity.LoadAsync(drill, JilinCityReplay.City, ct);
        var epidemic = new DrillEpidemic(plan);
        var sites = ReplaySites.Split(Start, "hotel", "演练隔离酒店", plan.QuarantineRooms, 1)
            .Concat(ReplaySites.Split(Start, "shelter", "演练方舱医院", plan.ShelterBeds, 1)).ToList();
        var days = new List<DrillReport.Day>();
        ReplayQuarantine.Outcome? night = null;
        for (var day = Start; day < Start.AddDays(plan.Days); day = day.AddDays(1))
        {
            ct.ThrowIfCancellationRequested();
            await city.RefreshAsync(drill, JilinCityReplay.City, day, ct);
            var swabbed = Math.Min(plan.TestedPerDay, city.Residents.Count / DayPlan.Thirds);
            var uncontrolled = plan.DaysToControl == 0 ? 0
                : await drill.Cases.CountAsync(c => c.ReportedOn >= day.AddDays(-plan.DaysToControl) && c.ReportedOn < day, ct);
            var step = epidemic.Next(day, city.OpenContacts.Count, Math.Min(night?.Unplaced - night?.UnplacedCases ?? 0, city.OpenContacts.Count), night?.UnplacedCases ?? 0, uncontrolled, swabbed);
            var dayPlan = DayPlan.Make(city, step.Target, plan.Seed, step.UnderControlShare, swabbed);
            var report = progress is null ? null : new Stage(progress, day);
            var testing = await ReplayTesting.RunAsync(drill, clock, dayPlan, report, ct, plan.PoolSize);
            var reporting = await ReplayReporting.RunAsync(drill, clock, city, dayPlan, testing.RoundId, report, ct, contactsToday: plan.DaysToControl == 0);
            var contacts = reporting.CloseContacts + await LateContactsAsync(drill, city, day, plan.DaysToControl, ct);
            night = await ReplayQuarantine.RunAsync(drill, clock, day, sites, ct);
            days.Add(new DrillReport.Day(day, step.Social, dayPlan.UnderControl, step.Hidden, contacts, night.Placed, night.Unplaced, night.UnplacedCases));
        }

        return await DrillMeasures.ReadAsync(drill, plan, days, ct);
    }

    /// <summary>With a delay, the contacts of the cases reported <paramref name="delay"/> days before are identified today.</summary>
    private static async Task<int> LateContactsAsync(FangkongDbContext db, ReplayCity city, DateOnly day, int delay, CancellationToken ct)
    {
        if (delay == 0)
        {
            return 0;
        }

        var reportedOn = day.AddDays(-delay);
        var cases = await db.Cases.AsNoTracking().Where(c => c.ReportedOn == reportedOn).OrderBy(c => c.Id)
            .Select(c => new { c.CaseNo, c.IdNumber }).ToListAsync(ct);
        var found = cases.Select(c => (c.CaseNo, Person: city.Find(c.IdNumber))).Where(c => c.Person is not null).Select(c => (c.CaseNo, c.Person!)).ToList();
        return found.Count == 0 ? 0 : await ReplayReporting.ContactsAsync(db, city, day, found, ct);
    }

    private sealed class Stage(IProgress<JilinCityReplay.Progress> progress, DateOnly day) : IProgress<(string Stage, long Done, long Total)>
    {
        public void Report((string Stage, long Done, long Total) value) => progress.Report(new JilinCityReplay.Progress(day, value.Stage, value.Done, value.Total));
    }
}
