namespace Fangkong.Cases;

/// <summary>
/// The days of a contact's quarantine. Both the 8th and the 9th edition count the quarantine of
/// close and secondary contacts from the LAST EXPOSURE (末次暴露), not from the day the contact
/// was identified: a contact found late is not held longer than one found at once (DOMAIN §2).
/// Day 1 is the day of the last exposure (so a 14-day central phase is over on the 14th day
/// after it); when the exposure is not known, the day of identification stands in for it.
/// Test day <c>d</c> of the order falls on <see cref="DayOn"/>(d); test days that fell before the
/// contact was found are simply past.
/// </summary>
public readonly record struct QuarantineCalendar(DateOnly DayOne, int CentralDays, int HomeDays)
{
    /// <summary>The calendar of <paramref name="contact"/>'s order.</summary>
    public static QuarantineCalendar Of(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Of(contact.ExposureOn, contact.IdentifiedOn, contact.CentralDays, contact.HomeDays);
    }

    /// <summary>The calendar from the raw columns (for rows read without the entity).</summary>
    public static QuarantineCalendar Of(DateOnly? exposureOn, DateOnly identifiedOn, int centralDays, int homeDays) =>
        new(DayOneOf(exposureOn, identifiedOn), centralDays, homeDays);

    /// <summary>Day 1: the last exposure, or the identification when the exposure is unknown.</summary>
    public static DateOnly DayOneOf(DateOnly? exposureOn, DateOnly identifiedOn) => exposureOn ?? identifiedOn;

    /// <summary>The date of quarantine day <paramref name="day"/> (1-based).</summary>
    public DateOnly DayOn(int day) => DayOne.AddDays(day - 1);

    /// <summary>The quarantine day number (1-based) of <paramref name="date"/>.</summary>
    public int DayNumberOf(DateOnly date) => date.DayNumber - DayOne.DayNumber + 1;

    /// <summary>The first day after the central phase: the earliest release from central quarantine.</summary>
    public DateOnly CentralOverOn => DayOne.AddDays(CentralDays);

    /// <summary>The last day of the whole order (central and home).</summary>
    public DateOnly EndsOn => DayOne.AddDays(CentralDays + HomeDays - 1);
}
