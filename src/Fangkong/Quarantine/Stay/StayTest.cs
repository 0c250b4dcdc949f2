using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine.Stay;

/// <summary>A nucleic-acid result of a test taken at the site.</summary>
public enum StayTestResult
{
    Negative,
    Positive,
}

/// <summary>
/// A sampling task of a person in quarantine or treatment (隔离期核酸检测): due on a day of the
/// order (days 1, 4, 7, 14 of the 8th edition's close-contact quarantine, counted from the day
/// of identification), or taken on an extra day (cases: the release tests with their Ct values).
/// One per placement and day. Scoped by the person's home region, like the placement.
/// </summary>
public sealed class StayTest : IRegionScoped
{
    private StayTest()
    {
        RegionCode = string.Empty;
    }

    public StayTest(long placementId, long siteId, long? personId, string regionCode, DateOnly dueOn, int dayNumber, bool scheduled)
    {
        PlacementId = placementId;
        SiteId = siteId;
        PersonId = personId;
        RegionCode = regionCode;
        DueOn = dueOn;
        DayNumber = dayNumber;
        Scheduled = scheduled;
    }

    public long Id { get; private set; }

    public long PlacementId { get; private set; }

    public long SiteId { get; private set; }

    public long? PersonId { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>Day of the quarantine (day 1 = day of identification).</summary>
    public int DayNumber { get; private set; }

    /// <summary>True when the order asks for this test; false for an extra one.</summary>
    public bool Scheduled { get; private set; }

    public DateTimeOffset? TakenAt { get; private set; }

    public StayTestResult? Result { get; private set; }

    public double? CtN { get; private set; }

    public double? CtOrf { get; private set; }

    public string? RecordedBy { get; private set; }

    public const int LabMaxLength = 100;

    /// <summary>The lab (or reagent) that tested the sample; needed for 双采双检.</summary>
    public string? Lab { get; private set; }

    /// <summary>双采双检: the lab of the second sample, another than <see cref="Lab"/>.</summary>
    public string? SecondLab { get; private set; }

    /// <summary>双采双检: the second sample's result.</summary>
    public StayTestResult? SecondResult { get; private set; }

    /// <summary>True when two samples were tested by two different labs and both are negative (双采双检阴性).</summary>
    public bool IsDualNegative =>
        Result == StayTestResult.Negative && SecondResult == StayTestResult.Negative && Lab is not null && SecondLab is not null
        && !string.Equals(Lab, SecondLab, StringComparison.Ordinal);

    /// <summary>
    /// Adds the labs and, for 双采双检, the second sample (once). The same values again are no change;
    /// other values where some are recorded are refused.
    /// </summary>
    public Result<bool> RecordSamples(string? lab, string? secondLab, StayTestResult? secondResult)
    {
        if (lab is null && secondLab is null && secondResult is null)
        {
            return false;
        }

        if (Lab == lab && SecondLab == secondLab && SecondResult == secondResult)
        {
            return false;
        }

        // Nothing yet, or the first sample's lab alone so far and now the second sample.
        var open = (Lab is null && SecondLab is null && SecondResult is null) || (Lab == lab && SecondResult is null && SecondLab is null);
        if (!open)
        {
            return Error.Conflict(ErrorText.Of("error.rules15.dual-already", DayNumber));
        }

        Lab = lab;
        SecondLab = secondLab;
        SecondResult = secondResult;
        return true;
    }

    /// <summary>The result, once; a correction of the same values is no change, a different one is refused.</summary>
    public Result<bool> Record(DateTimeOffset takenAt, StayTestResult result, double? ctN, double? ctOrf, string by)
    {
        if (Result is { } done)
        {
            return done == result && CtN == ctN && CtOrf == ctOrf
                ? false
                : Error.Conflict(ErrorText.Of("error.quarantine.day-test-already-result", DayNumber, done));
        }

        TakenAt = takenAt.ToUniversalTime();
        Result = result;
        CtN = ctN;
        CtOrf = ctOrf;
        RecordedBy = by;
        return true;
    }

    public Cases.ReleaseCriterion.Test ToCriterionTest() =>
        new(TakenAt ?? default, CtN, CtOrf, NotDetected: Result == StayTestResult.Negative && CtN is null && CtOrf is null);
}
