using Fangkong.Data;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Fangkong.Quarantine.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo.Replay;

/// <summary>
/// The night of a replayed day (21:00): the sites of the schedule due by that day are registered
/// (SaveSite, skipped when a site of that name exists, so a resumed or partial replay opens what it
/// lacks), then the allocation runs over the city (RunAllocation): the day's close contacts take
/// rooms, its cases take beds (shelter hospital for asymptomatic and mild, designated hospital for
/// moderate and worse), first identified first placed, until rooms or beds run out. Who is left
/// waits for the next night's run: 人等床位 while people wait, 床等人 when free spaces remain and nobody waits.
/// </summary>
public static class ReplayQuarantine
{
    /// <summary>
    /// The night's figures: sites and spaces opened, who waited and who was placed, who is left
    /// (by reason, in the allocation's words) and the free rooms and beds after the run.
    /// </summary>
    public sealed record Outcome(int SitesOpened, int SpacesOpened, int Waiting, int Placed, int Unplaced, string Summary, int FreeRooms, int FreeBeds)
    {
        /// <summary>人等床位: people wait for a room or a bed after the night's run.</summary>
        public bool PeopleWait => Unplaced > 0;

        /// <summary>床等人: nobody waits and rooms or beds stand free.</summary>
        public bool SpacesWait => Unplaced == 0 && FreeRooms + FreeBeds > 0;

        /// <summary>Of <see cref="Unplaced"/>, the cases waiting for a bed.</summary>
        public int UnplacedCases { get; init; }
    }

    internal static Task<Outcome> RunAsync(FangkongDbContext db, SimulationClock clock, DateOnly day, double scale, CancellationToken ct) =>
        RunAsync(db, clock, day, ReplaySites.UpTo(day, scale), ct);

    /// <summary>The night with the sites of <paramref name="due"/> (those not registered yet open now).</summary>
    internal static async Task<Outcome> RunAsync(FangkongDbContext db, SimulationClock clock, DateOnly day, IEnumerable<ReplaySites.Opening> due, CancellationToken ct)
    {
        clock.MoveTo(day, 21);
        var (sites, spaces) = await OpenSitesAsync(db, clock, due.ToList(), ct);
        var run = await RunAllocation.HandleAsync(db, clock, ct);
        var outcome = run.Value ?? throw new InvalidOperationException(run.Error!.Message);
        db.ChangeTracker.Clear();
        var freeRooms = await db.QuarantineRooms.CountAsync(r => r.State == SpaceState.Available && r.Occupants == 0, ct);
        var freeBeds = await db.HospitalBeds.CountAsync(b => b.State == SpaceState.Available && b.Occupants == 0, ct);
        return new Outcome(sites, spaces, outcome.Waiting, outcome.Placed, outcome.Unplaced, outcome.Summary, freeRooms, freeBeds)
        {
            UnplacedCases = outcome.Left.Count(l => l.Person.Subject.Kind == OccupantKind.Case),
        };
    }

    private static async Task<(int Sites, int Spaces)> OpenSitesAsync(FangkongDbContext db, SimulationClock clock, List<ReplaySites.Opening> due, CancellationToken ct)
    {
        var names = due.Select(o => o.Name).ToList();
        var existing = (await db.QuarantineSites.AsNoTracking().Where(s => EF.Parameter(names).Contains(s.Name))
            .Select(s => s.Name).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        int sites = 0, spaces = 0;
        foreach (var opening in due.Where(o => !existing.Contains(o.Name)))
        {
            var saved = await SaveSite.HandleAsync(db, clock, ReplaySites.Command(opening), ct);
            spaces += (saved.Value ?? throw new InvalidOperationException(saved.Error!.Message)).Spaces;
            sites++;
            db.ChangeTracker.Clear();
        }

        return (sites, spaces);
    }
}
