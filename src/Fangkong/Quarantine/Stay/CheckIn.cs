using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Transfers;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// A person arrives at the site and checks in (入住): the transfer's clock stops, the placement is
/// checked in (the room will need terminal disinfection), the test days of a contact's order
/// become the site's sampling tasks, and the person is exempted from every open testing round of
/// the home area as tested elsewhere (集中隔离). When the last passenger of a batch has checked
/// in, the batch is complete and its vehicle goes to disinfection. Checking in again changes nothing.
/// </summary>
public static class CheckIn
{
    public sealed record Command(long? TransferId, long? PlacementId, [Happened] DateTimeOffset? At);

    public sealed record CheckedIn(
        long PlacementId, long? TransferId, DateTimeOffset At, double? HoursFromIdentification, IReadOnlyList<DateOnly> TestDays, int RoundsExempted, bool AlreadyCheckedIn);

    public static async Task<Result<CheckedIn>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        TransferTask? task = null;
        if (command.TransferId is { } transferId)
        {
            task = await db.TransferTasks.FirstOrDefaultAsync(t => t.Id == transferId, ct);
            if (task is null)
            {
                return Error.NotFound(ErrorText.Of("error.quarantine.transfer-does-not-exist-outside", transferId));
            }
        }

        var placementId = command.PlacementId ?? task?.PlacementId;
        if (placementId is null)
        {
            return Error.Invalid("placementId", ErrorText.Of("error.quarantine.transfer-no-placement-place-person"));
        }

        var placement = await db.Placements.FirstOrDefaultAsync(p => p.Id == placementId, ct);
        if (placement is null)
        {
            return StayRecords.PlacementNotFound(placementId.Value);
        }

        task ??= await db.TransferTasks.Where(t => t.PlacementId == placement.Id).OrderByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        if (placement.State == PlacementState.CheckedIn)
        {
            return new CheckedIn(placement.Id, task?.Id, placement.CheckedInAt!.Value, Hours(placement), [], 0, AlreadyCheckedIn: true);
        }

        var now = time.GetUtcNow();
        // UTC, so that it can be a query parameter on PostgreSQL.
        var at = (command.At ?? now).ToUniversalTime();
        if (at > now + TimeSpan.FromMinutes(5))
        {
            return Error.Invalid("at", ErrorText.Of("error.quarantine.check-time-future"));
        }

        var space = await StayRecords.SpaceAsync(db, placement, ct);
        if (!space.IsSuccess)
        {
            return space.Error!;
        }

        if (task is not null && task.IsOpen)
        {
            if (task.ArrivedAt is { } arrived && at < arrived)
            {
                return Error.Invalid("at", ErrorText.Of("error.quarantine.check-before-arrival", ChinaTime.Format(arrived)));
            }

            if (task.CheckIn(at) is { } notArrived)
            {
                return notArrived;
            }
        }

        if (placement.CheckIn(space.Value!, at) is { } refused)
        {
            return refused;
        }

        var subject = await StayRecords.SubjectAsync(db, placement, ct);
        var days = Schedule(db, placement, subject, at);
        var open = await db.TestingRounds.AsNoTracking().Where(r => r.Deadline > at && r.StartsAt <= at).ToListAsync(ct);
        var exempted = await ExemptAsync(db, placement, subject, open, at, ct);
        var exemptions = Testing.Tallies.RoundTallyWriter.AddedExemptions(db);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await Testing.Tallies.RoundTallyWriter.ExemptedAsync(db, exemptions, ct);
        if (task?.BatchId is { } batchId)
        {
            await CompleteBatchAsync(db, batchId, at, ct);
        }

        await tx.CommitAsync(ct);
        return new CheckedIn(placement.Id, task?.Id, at, Hours(placement), days, exempted, AlreadyCheckedIn: false);
    }

    private static double? Hours(Placement p) => p.CheckedInAt is { } at ? Math.Round((at - p.IdentifiedAt).TotalHours, 1) : null;

    /// <summary>The central test days of a contact's order from the check-in day on, as sampling tasks (day 1 = day of the last exposure).</summary>
    private static List<DateOnly> Schedule(FangkongDbContext db, Placement placement, StayRecords.Subject subject, DateTimeOffset at)
    {
        if (subject.Contact is not { } contact)
        {
            return [];
        }

        var from = ChinaTime.DayOf(at);
        var due = (Cases.PolicyVersion.ParseDays(contact.CentralTestDays) ?? [])
            .Select(d => (Day: d, On: contact.Calendar.DayOn(d)))
            .Where(x => x.On >= from)
            .ToList();
        foreach (var (day, on) in due)
        {
            db.StayTests.Add(new StayTest(placement.Id, placement.SiteId, subject.PersonId, placement.RegionCode, on, day, scheduled: true));
        }

        return [.. due.Select(x => x.On)];
    }

    /// <summary>Exempts the person from those of <paramref name="candidates"/> whose area holds the home, as tested in quarantine.</summary>
    internal static async Task<int> ExemptAsync(
        FangkongDbContext db, Placement placement, StayRecords.Subject subject, IReadOnlyList<TestingRound> candidates, DateTimeOffset at, CancellationToken ct)
    {
        if (subject.PersonId is not { } personId)
        {
            return 0;
        }

        var home = await db.Persons.AsNoTracking().Where(p => p.Id == personId).Select(p => p.RegionCode).FirstOrDefaultAsync(ct) ?? placement.RegionCode;
        var rounds = candidates.Where(r => home.StartsWith(r.RegionCode, StringComparison.Ordinal)).Select(r => r.Id).ToList();
        if (rounds.Count == 0)
        {
            return 0;
        }

        // One set, no join: the exemption of this person in these rounds, wherever it was recorded.
        var already = await db.RoundExemptions.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
            .Where(e => e.PersonId == personId && EF.Parameter(rounds).Contains(e.RoundId)).Select(e => e.RoundId).ToListAsync(ct);
        var count = 0;
        foreach (var round in rounds.Except(already))
        {
            db.RoundExemptions.Add(new RoundExemption(round, personId, home, ExemptionKind.Quarantine, $"集中隔离 placement {placement.Id}", db.Jurisdiction.UserName, at));
            count++;
        }

        return count;
    }

    private static async Task CompleteBatchAsync(FangkongDbContext db, long batchId, DateTimeOffset at, CancellationToken ct)
    {
        var batch = await db.TransferBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return;
        }

        var tasks = await db.TransferTasks.Where(t => t.BatchId == batchId).ToListAsync(ct);
        if (batch.CompleteIfDone(tasks, at))
        {
            var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Id == batch.VehicleId, ct);
            vehicle?.EndTrip();
            await db.SaveChangesAsync(ct);
        }
    }
}
