using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>Whether the person may not leave home at all, or lives normally with daily reports.</summary>
public enum HomeWatchKind
{
    /// <summary>居家隔离: the order says home, the person stays inside (secondary contacts under the 9th edition).</summary>
    HomeQuarantine,

    /// <summary>居家健康监测: after central quarantine or a case's release, for the days the plan gives.</summary>
    HealthMonitoring,
}

/// <summary>
/// One person watched at home for a span of days (both ends included), with the daily check-ins
/// and the breaches recorded against it. Scoped by the person's home region, so the community
/// that knocks on the door sees it. Opened from a contact's home order or from a release; the
/// identity and dates are copied because the watch must outlive changes to the source record.
/// </summary>
public sealed class HomeWatch : IRegionScoped
{
    public const int SourceMaxLength = 32;

    private HomeWatch()
    {
        IdNumber = string.Empty;
        Name = string.Empty;
        RegionCode = string.Empty;
        OpenedBy = string.Empty;
    }

    public HomeWatch(
        HomeWatchKind kind, long? personId, string idNumber, string name, string? phone, string regionCode, string? contactNo, string? caseNo,
        DateOnly startsOn, DateOnly endsOn, string openedBy, DateTimeOffset openedAt)
    {
        if (endsOn < startsOn)
        {
            throw new ArgumentOutOfRangeException(nameof(endsOn), "A watch ends on or after its first day.");
        }

        Kind = kind;
        PersonId = personId;
        IdNumber = idNumber;
        Name = name;
        Phone = phone;
        RegionCode = regionCode;
        ContactNo = contactNo;
        CaseNo = caseNo;
        StartsOn = startsOn;
        EndsOn = endsOn;
        OpenedBy = openedBy;
        OpenedAt = openedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public HomeWatchKind Kind { get; private set; }

    public long? PersonId { get; private set; }

    public string IdNumber { get; private set; }

    public string Name { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>The home's region (community).</summary>
    public string RegionCode { get; private set; }

    /// <summary>The contact whose order this is, when it is a contact's.</summary>
    public string? ContactNo { get; private set; }

    /// <summary>The case released into monitoring, when it is a case's.</summary>
    public string? CaseNo { get; private set; }

    /// <summary>Day 1 of the watch.</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day of the watch.</summary>
    public DateOnly EndsOn { get; private set; }

    public string OpenedBy { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>
    /// Test days of the watch, counted from its first day ("2,7" for an 8th-edition close contact's
    /// home phase), copied from the contact's order when the watch opens; empty when none are due.
    /// </summary>
    public string TestDays { get; private set; } = string.Empty;

    /// <summary>解除: the day the watch was released; null while it runs.</summary>
    public DateOnly? ReleasedOn { get; private set; }

    public string? ReleasedBy { get; private set; }

    /// <summary>The dates the watch's tests are due on, first to last.</summary>
    public IReadOnlyList<DateOnly> TestDates() =>
        [.. (Cases.PolicyVersion.ParseDays(TestDays) ?? []).Where(d => d <= DayNumber(EndsOn)).Select(d => StartsOn.AddDays(d - 1)).Order()];

    /// <summary>Sets the test days of the order (done once, when the watch opens).</summary>
    public HomeWatch WithTestDays(string testDays)
    {
        TestDays = testDays ?? string.Empty;
        return this;
    }

    /// <summary>
    /// Releases the watch on <paramref name="on"/>: not before the day after its last day, and only
    /// when every test due has a negative result (<paramref name="negativeDays"/>) — the refusal names
    /// the first missing one. A watch is released once.
    /// </summary>
    public Error? Release(DateOnly on, IReadOnlySet<DateOnly> negativeDays, bool anyPositive, string by)
    {
        ArgumentNullException.ThrowIfNull(negativeDays);
        if (ReleasedOn is { } done)
        {
            return Error.Conflict(ErrorText.Of("error.rules15.watch-already-released", done));
        }

        var earliest = EndsOn.AddDays(1);
        if (on < earliest)
        {
            return Error.Conflict(ErrorText.Of("error.rules15.watch-not-over", EndsOn, earliest));
        }

        if (anyPositive)
        {
            return Error.Conflict(ErrorText.Of("error.rules15.watch-test-positive"));
        }

        var missing = TestDates().Where(d => !negativeDays.Contains(d)).ToList();
        if (missing.Count > 0)
        {
            var days = string.Join('、', missing.Select(d => DayNumber(d)));
            return Error.Conflict(ErrorText.Of("error.rules15.watch-tests-missing", days, missing[0]));
        }

        ReleasedOn = on;
        ReleasedBy = by;
        return null;
    }

    /// <summary>Day number of <paramref name="day"/> in the watch (day 1 = <see cref="StartsOn"/>).</summary>
    public int DayNumber(DateOnly day) => day.DayNumber - StartsOn.DayNumber + 1;

    public bool IsActiveOn(DateOnly day) => StartsOn <= day && day <= EndsOn;

    /// <summary>Refuses a day outside the watch or in the future (China time).</summary>
    public Error? CheckDay(DateOnly day, DateOnly today)
    {
        if (!IsActiveOn(day))
        {
            return Error.Invalid("day", ErrorText.Of("error.quarantine.outside-watch", day, StartsOn, EndsOn));
        }

        return day > today
            ? Error.Invalid("day", ErrorText.Of("error.quarantine.future", day))
            : null;
    }
}
