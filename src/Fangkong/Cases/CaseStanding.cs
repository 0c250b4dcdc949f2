namespace Fangkong.Cases;

/// <summary>
/// Where the local cases stand at 24:00 of the bulletin's day: deaths of the day, discharges and
/// releases of this outbreak to date (from <paramref name="OutbreakStart"/> when set), patients in
/// hospital (在院: reported, no outcome yet, a converted asymptomatic record counted once), and
/// whether more people left hospital than were admitted (出院人数超过入院人数): admissions are the
/// day's new local infections, leavers its discharges and releases; <paramref name="LeftExceedsAdmittedDays"/>
/// is how many days in a row, ending on the bulletin's day, that has been so (0 when not today).
/// </summary>
public sealed record CaseStanding(
    UnitFigures Deaths,
    UnitFigures RecoveredToDate,
    int InHospital,
    int AdmittedToday,
    int LeftToday,
    int LeftExceedsAdmittedDays,
    DateOnly? OutbreakStart);

/// <summary>
/// Where the day's new local cases were found (管控期间筛查 / 社会面筛查发现), from the classification
/// stored when each case was reported (<see cref="SocialZero.CaseClassifier"/>); a conversion
/// counts as its asymptomatic record was found. Cases without a classification are counted apart.
/// </summary>
public sealed record FoundWhere(Detection Confirmed, Detection Asymptomatic);

/// <summary>How many were found under control, at social level, or are not classified.</summary>
public sealed record Detection(int UnderControl, int SocialLevel, int Unclassified)
{
    public static Detection None { get; } = new(0, 0, 0);
}
