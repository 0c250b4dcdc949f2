using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.HomeMonitoring;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// 解除隔离 / 出院: releases a checked-in person only when the order's criteria are met.
/// A contact: as <see cref="ContactRelease"/> judges it (the central days over and every scheduled test
/// negative; 双采双检 and a secondary contact's early release where the plan says so). A case: the release
/// criterion of the treatment plan in force (<see cref="TreatmentPlan"/>), judged by the cases
/// module on the tests taken here, which also records the discharge. A pool member: at least one negative test
/// and none positive. Then the room or bed awaits terminal disinfection (its turnover starts) and
/// home health monitoring opens for the days the plan gives (a contact's home days from the release
/// day, which is the first day of the home phase; a case's days after the discharge day).
/// </summary>
public static class Release
{
    public sealed record Command(long PlacementId, [Happened] DateTimeOffset? At);

    public sealed record Released(long PlacementId, DateTimeOffset At, string Criterion, long? HomeWatchId, DateOnly? MonitoringUntil, SpaceState SpaceState);

    public static async Task<Result<Released>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var placement = await db.Placements.FirstOrDefaultAsync(p => p.Id == command.PlacementId, ct);
        if (placement is null)
        {
            return StayRecords.PlacementNotFound(command.PlacementId);
        }

        if (placement.State != PlacementState.CheckedIn)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.placement-only-checked-person-released", placement.Id, placement.State));
        }

        var now = time.GetUtcNow();
        var at = (command.At ?? now).ToUniversalTime();
        if (at > now + TimeSpan.FromMinutes(5))
        {
            return Error.Invalid("at", ErrorText.Of("error.quarantine.release-time-future"));
        }

        var space = await StayRecords.SpaceAsync(db, placement, ct);
        if (!space.IsSuccess)
        {
            return space.Error!;
        }

        var subject = await StayRecords.SubjectAsync(db, placement, ct);
        var tests = await db.StayTests.AsNoTracking().Where(t => t.PlacementId == placement.Id).OrderBy(t => t.DueOn).ToListAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var judged = placement.Kind switch
        {
            OccupantKind.Case => await JudgeCaseAsync(db, subject, tests, at, ct),
            OccupantKind.CloseContact or OccupantKind.SecondaryContact => await ContactRelease.JudgeAsync(db, subject, tests, placement, at, ct),
            _ => JudgePoolMember(tests),
        };
        if (!judged.IsSuccess)
        {
            return judged.Error!;
        }

        if (placement.Release(space.Value!, at) is { } refused)
        {
            return refused;
        }

        if (space.Value!.State == SpaceState.AwaitingDisinfection)
        {
            db.SpaceTurnovers.Add(new SpaceTurnover(
                placement.SiteId, placement.RoomId, placement.BedId, space.Value.Number, space.Value.RegionCode, placement.Id, at));
        }

        var (criterion, startsOn, monitoringDays) = judged.Value;
        if (subject.Contact is { } contact)
        {
            await ContactReleased.MarkAsync(db, db.Contacts.Where(c => c.Id == contact.Id), ChinaTime.DayOf(at), ct);
        }

        var watch = await OpenHomeWatches.AddAfterReleaseAsync(db, time, new OpenHomeWatches.Watch(
            HomeWatchKind.HealthMonitoring, subject.PersonId, subject.IdNumber, placement.Name, placement.RegionCode,
            subject.Contact?.ContactNo, subject.Case?.CaseNo, startsOn, monitoringDays, subject.Contact?.HomeTestDays), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Released(
            placement.Id, at, criterion, watch?.Id, monitoringDays > 0 ? startsOn.AddDays(monitoringDays - 1) : null, space.Value.State);
    }

    private static async Task<Result<(string, DateOnly, int)>> JudgeCaseAsync(
        FangkongDbContext db, StayRecords.Subject subject, IReadOnlyList<StayTest> tests, DateTimeOffset at, CancellationToken ct)
    {
        if (subject.Case is not { } found)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.case-record-not-visible"));
        }

        var taken = tests.Where(t => t.Result is not null).Select(t => t.ToCriterionTest()).ToList();
        if (taken.Count == 0)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.no-test-results-recorded-during"));
        }

        // The cases module judges and records the discharge (or release of an asymptomatic infection) under the plan in force.
        var recorded = await RecordRelease.HandleAsync(db, new RecordRelease.Command(found.CaseNo, ChinaTime.DayOf(at), taken), ct);
        if (!recorded.IsSuccess)
        {
            return recorded.Error!;
        }

        // The plan's monitoring days follow the discharge day (the cases module gives their last day).
        var released = ChinaTime.DayOf(at);
        var until = recorded.Value!.MonitoringUntil;
        var days = until is { } u ? Math.Max(0, u.DayNumber - released.DayNumber) : 0;
        return ($"符合解除标准（{recorded.Value.TreatmentPlanCode}）(release criterion met under {recorded.Value.TreatmentPlanCode})", released.AddDays(1), days);
    }

    private static Result<(string, DateOnly, int)> JudgePoolMember(IReadOnlyList<StayTest> tests)
    {
        if (tests.Any(t => t.Result == StayTestResult.Positive))
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.test-during-stay-positive"));
        }

        return tests.Any(t => t.Result == StayTestResult.Negative)
            ? ("单管复核阴性 (single-tube re-test negative)", default(DateOnly), 0)
            : Error.Conflict(ErrorText.Of("error.quarantine.no-negative-re-test-yet"));
    }
}
