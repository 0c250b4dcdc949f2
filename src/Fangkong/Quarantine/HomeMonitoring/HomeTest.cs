using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Quarantine.Stay;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// A nucleic-acid test of a person watched at home (居家期间核酸检测), on a test day of the watch
/// (days 2 and 7 of the 8th edition's home phase) or on another day. The community samples at
/// the door (上门采样) or the person goes to a sampling point; either way the result is recorded
/// here, once per watch and day. Scoped by the home's region, like the watch.
/// </summary>
public sealed class HomeTest : IRegionScoped
{
    private HomeTest()
    {
        RegionCode = string.Empty;
        RecordedBy = string.Empty;
    }

    public HomeTest(long watchId, string regionCode, DateOnly dueOn, int dayNumber, bool scheduled, DateTimeOffset takenAt, StayTestResult result, string recordedBy)
    {
        WatchId = watchId;
        RegionCode = regionCode;
        DueOn = dueOn;
        DayNumber = dayNumber;
        Scheduled = scheduled;
        TakenAt = takenAt.ToUniversalTime();
        Result = result;
        RecordedBy = recordedBy;
    }

    public long Id { get; private set; }

    public long WatchId { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly DueOn { get; private set; }

    /// <summary>Day of the watch (day 1 = its first day).</summary>
    public int DayNumber { get; private set; }

    /// <summary>True on a test day of the watch's order.</summary>
    public bool Scheduled { get; private set; }

    public DateTimeOffset TakenAt { get; private set; }

    public StayTestResult Result { get; private set; }

    public string RecordedBy { get; private set; }

    /// <summary>The same result again is no change; a different one for the day is refused.</summary>
    public Result<bool> Confirm(StayTestResult result) =>
        result == Result ? false : Error.Conflict(ErrorText.Of("error.rules15.home-test-already", DayNumber, Result));
}
