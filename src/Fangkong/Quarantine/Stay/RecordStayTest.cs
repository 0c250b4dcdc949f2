using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// Records the result of a test taken at the site: on a due day it completes the sampling task,
/// on another day (a case's release tests) it adds one. Ct values are for positives and for the
/// release of cases; a negative without Ct counts as not detected. The same result sent again
/// changes nothing; a different result for a day that has one is refused.
/// </summary>
public static class RecordStayTest
{
    /// <param name="Lab">The lab or reagent that tested the sample (optional).</param>
    /// <param name="SecondLab">双采双检 (issue 15, rule 4): the lab of a second sample of the same day, another than <paramref name="Lab"/>.</param>
    /// <param name="SecondResult">双采双检: the second sample's result.</param>
    public sealed record Command(
        long PlacementId, [Happened] DateTimeOffset? TakenAt, string? Result, [Range(0, InputNumbers.CtMax)] double? CtN, [Range(0, InputNumbers.CtMax)] double? CtOrf,
        [StringLength(StayTest.LabMaxLength)] string? Lab = null, [StringLength(StayTest.LabMaxLength)] string? SecondLab = null, string? SecondResult = null);

    public sealed record Recorded(
        long Id, long PlacementId, DateOnly Day, int DayNumber, bool Scheduled, StayTestResult Result, double? CtN, double? CtOrf, bool Changed, bool DualNegative = false);

    public static async Task<Result<Recorded>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var placement = await db.Placements.AsNoTracking().FirstOrDefaultAsync(p => p.Id == command.PlacementId, ct);
        if (placement is null)
        {
            return StayRecords.PlacementNotFound(command.PlacementId);
        }

        if (placement.State != PlacementState.CheckedIn)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.placement-not-checked", placement.Id, placement.State));
        }

        if (!EnumText.TryParse<StayTestResult>(command.Result, out var result))
        {
            return Error.Invalid("result", ErrorText.Of("error.quarantine.result-negative-positive"));
        }

        foreach (var (value, field) in new[] { (command.CtN, "ctN"), (command.CtOrf, "ctOrf") })
        {
            if (value is { } v && (v <= 0 || v > 45))
            {
                return Error.Invalid(field, ErrorText.Of("error.quarantine.ct-value-lies-within"));
            }
        }

        var samples = DualSamples.Read(command.Lab, command.SecondLab, command.SecondResult);
        if (!samples.IsSuccess)
        {
            return samples.Error!;
        }

        var now = time.GetUtcNow();
        var taken = command.TakenAt ?? now;
        if (taken > now + TimeSpan.FromMinutes(5) || taken < placement.CheckedInAt)
        {
            return Error.Invalid("takenAt", ErrorText.Of("error.quarantine.sampling-time-lies-between-check"));
        }

        var day = ChinaTime.DayOf(taken);
        var test = await db.StayTests.FirstOrDefaultAsync(t => t.PlacementId == placement.Id && t.DueOn == day, ct);
        if (test is null)
        {
            test = new StayTest(placement.Id, placement.SiteId, placement.PersonId, placement.RegionCode, day, await DayNumberAsync(db, placement, day, ct), scheduled: false);
            db.StayTests.Add(test);
        }

        var recorded = test.Record(taken, result, command.CtN, command.CtOrf, db.Jurisdiction.UserName);
        if (!recorded.IsSuccess)
        {
            return recorded.Error!;
        }

        var (lab, secondLab, secondResult) = samples.Value!;
        var dual = test.RecordSamples(lab, secondLab, secondResult);
        if (!dual.IsSuccess)
        {
            return dual.Error!;
        }

        if (recorded.Value || dual.Value)
        {
            await db.SaveChangesAsync(ct);
        }

        return new Recorded(test.Id, placement.Id, test.DueOn, test.DayNumber, test.Scheduled, result, test.CtN, test.CtOrf, recorded.Value || dual.Value, test.IsDualNegative);
    }

    /// <summary>
    /// A contact's test days count from the last exposure, like its scheduled ones (<see cref="Cases.QuarantineCalendar"/>);
    /// a case's (its release tests) from the day it was identified.
    /// </summary>
    private static async Task<int> DayNumberAsync(FangkongDbContext db, Placement placement, DateOnly day, CancellationToken ct)
    {
        var contact = placement.ContactId is { } id ? await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) : null;
        return contact is not null
            ? contact.Calendar.DayNumberOf(day)
            : day.DayNumber - ChinaTime.DayOf(placement.IdentifiedAt).DayNumber + 1;
    }
}
