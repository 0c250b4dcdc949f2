using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Stay;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// Records the result of a test of a person watched at home (issue 15, rule 4): on a test day of
/// the watch it is the due test, on another day an extra one. The day must lie in the watch and
/// not in the future. The same result sent again changes nothing; another result for a day that
/// has one is refused.
/// </summary>
public static class RecordHomeTest
{
    public sealed record Command(long WatchId, [Happened] DateTimeOffset? TakenAt, string? Result);

    public sealed record Recorded(long Id, long WatchId, DateOnly Day, int DayNumber, bool Scheduled, StayTestResult Result, bool Changed);

    public static async Task<Result<Recorded>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var watch = await db.HomeWatches.AsNoTracking().FirstOrDefaultAsync(w => w.Id == command.WatchId, ct);
        if (watch is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.home-watch-does-not-exist", command.WatchId));
        }

        if (!EnumText.TryParse<StayTestResult>(command.Result, out var result))
        {
            return Error.Invalid("result", ErrorText.Of("error.quarantine.result-negative-positive"));
        }

        var taken = command.TakenAt ?? time.GetUtcNow();
        var day = ChinaTime.DayOf(taken);
        if (watch.CheckDay(day, ChinaTime.Today(time)) is { } dayError)
        {
            return Error.Invalid("takenAt", dayError.Message);
        }

        var test = await db.HomeTests.FirstOrDefaultAsync(t => t.WatchId == watch.Id && t.DueOn == day, ct);
        if (test is not null)
        {
            var same = test.Confirm(result);
            return same.IsSuccess
                ? new Recorded(test.Id, watch.Id, day, test.DayNumber, test.Scheduled, test.Result, Changed: false)
                : same.Error!;
        }

        test = new HomeTest(watch.Id, watch.RegionCode, day, watch.DayNumber(day), watch.TestDates().Contains(day), taken, result, db.Jurisdiction.UserName);
        db.HomeTests.Add(test);
        await db.SaveChangesAsync(ct);
        return new Recorded(test.Id, watch.Id, day, test.DayNumber, test.Scheduled, result, Changed: true);
    }
}
