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
