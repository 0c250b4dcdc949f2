using System.Diagnostics;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// Runs the allocation over the caller's jurisdiction: reads who waits and what is free
/// (set-based), assigns in memory (<see cref="Allocator"/>), writes placements and rooms in bulk
/// in one transaction with one audit line, and keeps an <see cref="AllocationRun"/> record.
/// People already placed are not touched. Run it when people are identified and whenever
/// capacity changes (a site added, rooms disinfected).
/// </summary>
public static class RunAllocation
{
    public const string AuditAction = "allocate";

    internal static ErrorText AlreadyPlaced =>
        ErrorText.Of("error.quarantine.someone-placed-another-allocation-run");

    public sealed record Outcome(long RunId, int Waiting, int Placed, int Unplaced, string Summary, double Seconds, IReadOnlyList<(WaitingPerson Person, string Reason)> Left)
    {
        /// <summary>Where the time went: reading, assigning in memory, writing (with the commit).</summary>
        public (double Read, double Assign, double Write) Phases { get; init; }
    }

    public static async Task<Result<Outcome>> HandleAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var input = await ReadInputAsync(db, ChinaTime.Today(time), ct);
        var read = clock.Elapsed.TotalSeconds;
        var before = input.FreeSpaces.Concat(input.PlacedCarers.Select(c => (Space)c.Room)).Distinct()
            .ToDictionary(s => s, s => new PlacementWriter.SpaceBefore(s.State, s.Occupants));

        var run = new AllocationRun(db.Jurisdiction.RegionPrefix, db.Jurisdiction.UserName, now);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AllocationRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var assignStarted = clock.Elapsed.TotalSeconds;
        var outcome = Allocator.Run(input, now, db.Jurisdiction.UserName, run.Id);
        var assigned = clock.Elapsed.TotalSeconds;
        try
        {
            await PlacementWriter.WriteAsync(db, outcome.Placed, before, ct);
        }
        catch (AllocationConflictException conflict)
        {
            await transaction.RollbackAsync(ct);
            return Error.Conflict(conflict.Message);
        }
        catch (System.Data.Common.DbException e) when (Data.Concurrency.UniqueViolation.KeyOf(e) is not null)
        {
            // Another run (the API's or the background job's) placed one of these people after this
            // run read who waits: the open-placement key (migration 0140) refused the second placement.
            await transaction.RollbackAsync(ct);
            return Error.Conflict(AlreadyPlaced);
        }

        run.Finish(input.Waiting.Count, outcome.Placed.Count, outcome.Unplaced.Count, outcome.Summary, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (outcome.Placed.Count > 0)
        {
            var ids = outcome.Placed.Select(p => p.Placement.Id).ToList();
            await db.AuditBulkAsync(AuditAction, nameof(Placement), $"run {run.Id}: {ids.Count} placements, ids {ids.Min()}–{ids.Max()}", ct);
        }

        await transaction.CommitAsync(ct);

        // Rooms and beds were written around change tracking: copies the caller's context still
        // tracks are stale, so they are let go (the next query reads them afresh).
        foreach (var entry in db.ChangeTracker.Entries<Space>().ToList())
        {
            entry.State = EntityState.Detached;
        }

        Common.FangkongMetrics.Allocated(clock.Elapsed.TotalSeconds, outcome.Unplaced.Count);
        return new Outcome(run.Id, input.Waiting.Count, outcome.Placed.Count, outcome.Unplaced.Count, outcome.Summary, clock.Elapsed.TotalSeconds, outcome.Unplaced)
        {
            Phases = (read, assigned - assignStarted, clock.Elapsed.TotalSeconds - assigned),
        };
    }

    /// <summary>The run's input, read in a few set-based queries.</summary>
    public static async Task<AllocationInput> ReadInputAsync(FangkongDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var waiting = await WaitingList.ReadAsync(db, today, ct);
        var sites = await db.QuarantineSites.AsNoTracking().Where(s => s.IsOpen).ToListAsync(ct);
        var rooms = await db.QuarantineRooms.AsNoTracking().Where(r => r.State == SpaceState.Available).ToListAsync(ct);
        var beds = await db.HospitalBeds.AsNoTracking().Where(b => b.State == SpaceState.Available).ToListAsync(ct);
        var floorKinds = (await db.Placements.AsNoTracking()
                .Where(p => p.RoomId != null && (p.State == PlacementState.Placed || p.State == PlacementState.CheckedIn))
                .Select(p => new { p.SectionId, p.Kind }).Distinct().ToListAsync(ct))
            .GroupBy(p => p.SectionId)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<OccupantKind>)g.Select(p => p.Kind).ToList());

        var roomKinds = waiting.Select(w => w.Subject.Kind).Where(k => k.TakesRoom()).Distinct().ToList();
        var keys = waiting.Where(w => w.Subject.Kind.TakesRoom()).Select(w => w.Subject.Key).Distinct().ToList();
        var declarations = keys.Count == 0
            ? []
            : await db.DependantDeclarations.AsNoTracking()
                .Where(d => EF.Parameter(keys).Contains(d.DependantKey) && EF.Parameter(roomKinds).Contains(d.Kind)).ToListAsync(ct);
        declarations = declarations.Where(d => waiting.Any(w => w.Subject.Kind == d.Kind && w.Subject.Key == d.DependantKey)).ToList();

        // Carers already placed whose dependants still wait: their rooms, to join them.
        var carerContactIds = declarations.Where(d => d.Kind != OccupantKind.PositivePoolMember).Select(d => d.CarerKey).Distinct().ToList();
        var carerPersonIds = declarations.Where(d => d.Kind == OccupantKind.PositivePoolMember).Select(d => d.CarerKey).Distinct().ToList();
        var carers = carerContactIds.Count + carerPersonIds.Count == 0
            ? []
            : await db.Placements.AsNoTracking()
                .Where(p => p.RoomId != null && p.DependantOfPlacementId == null && (p.State == PlacementState.Placed || p.State == PlacementState.CheckedIn))
                .Where(p => (p.ContactId != null && EF.Parameter(carerContactIds).Contains(p.ContactId.Value))
                    || (p.Kind == OccupantKind.PositivePoolMember && p.PersonId != null && EF.Parameter(carerPersonIds).Contains(p.PersonId.Value)))
                .ToListAsync(ct);
        var carerRoomIds = carers.Select(c => c.RoomId!.Value).ToList();
        var carerRooms = carerRoomIds.Count == 0
            ? []
            : await db.QuarantineRooms.AsNoTracking().Where(r => EF.Parameter(carerRoomIds).Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var placedCarers = carers.Where(c => carerRooms.ContainsKey(c.RoomId!.Value)).Select(c => (c, carerRooms[c.RoomId!.Value])).ToList();

        return new AllocationInput(waiting, declarations, sites, [.. rooms, .. beds], floorKinds, placedCarers);
    }
}
