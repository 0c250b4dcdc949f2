using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.HomeMonitoring;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// Whether a contact may leave central quarantine, under the plan version its order was made under.
/// The central days are days 1..CentralDays from the last exposure (<see cref="QuarantineCalendar"/>);
/// the release comes after them with every test day from check-in on negative. Two rules of the 8th
/// edition come on top (issue 15, rule 4; <see cref="ContactReleaseRules"/>): a close contact's last
/// test must be 双采双检 — two samples, two labs, both negative — and a secondary contact may go before
/// its days are over once its close contact's first tests (the number the plan sets) are negative.
/// </summary>
internal static class ContactRelease
{
    /// <summary>The criterion met, the first day of the home phase and its days; or the refusal.</summary>
    public static async Task<Result<(string Criterion, DateOnly HomeStartsOn, int HomeDays)>> JudgeAsync(
        FangkongDbContext db, StayRecords.Subject subject, IReadOnlyList<StayTest> tests, Placement placement, DateTimeOffset at, CancellationToken ct)
    {
        if (subject.Contact is not { } contact)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.contact-s-record-order-not"));
        }

        if (tests.FirstOrDefault(t => t.Result == StayTestResult.Positive || t.SecondResult == StayTestResult.Positive) is { } positive)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.day-test-positive", positive.DayNumber));
        }

        var rules = await db.PolicyVersions.AsNoTracking().Where(v => v.Id == contact.PolicyVersionId)
            .Select(v => new ContactReleaseRules(v.ReleaseDualSampling, v.SecondaryEarlyReleaseTests)).FirstOrDefaultAsync(ct) ?? ContactReleaseRules.None;
        var calendar = contact.Calendar;
        var day = ChinaTime.DayOf(at);
        if (day < calendar.CentralOverOn)
        {
            return contact.Kind == ContactKind.Secondary && rules.SecondaryEarlyReleaseTests > 0
                ? await EarlyAsync(db, contact, rules.SecondaryEarlyReleaseTests, calendar, day, ct)
                : Error.Conflict(ErrorText.Of("error.quarantine.central-days-from-not-over", contact.CentralDays, calendar.DayOne, calendar.CentralOverOn));
        }

        // The order's test days from the day of check-in on, whether or not check-in scheduled them (a placement checked in elsewhere has no tasks).
        var from = ChinaTime.DayOf(placement.CheckedInAt ?? at);
        var negative = tests.Where(t => t.Result == StayTestResult.Negative).Select(t => t.DueOn).ToHashSet();
        var required = (PolicyVersion.ParseDays(contact.CentralTestDays) ?? []).Where(d => calendar.DayOn(d) >= from).ToList();
        var missing = required.Where(d => !negative.Contains(calendar.DayOn(d))).ToList();
        if (missing.Count > 0)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.tests-day-no-result-yet", string.Join('、', missing), string.Join(", ", missing)));
        }

        var dual = contact.Kind == ContactKind.Close && rules.DualSampling && required.Count > 0;
        if (dual && tests.FirstOrDefault(t => t.DueOn == calendar.DayOn(required.Max())) is not { IsDualNegative: true })
        {
            return Error.Conflict(ErrorText.Of("error.rules15.dual-required", required.Max()));
        }

        var criterion = dual
            ? $"集中隔离 {contact.CentralDays} 天期满，{required.Count} 次核酸检测均阴性，末次双采双检阴性 ({contact.CentralDays} central days over, {required.Count} tests negative, the last dual-sampled)"
            : $"集中隔离 {contact.CentralDays} 天期满，{required.Count} 次核酸检测均阴性 ({contact.CentralDays} central days over, {required.Count} tests negative)";
        return (criterion, day, contact.HomeDays);
    }

    /// <summary>A secondary contact before its days are over: its close contact's first <paramref name="needed"/> tests must all be negative.</summary>
    private static async Task<Result<(string, DateOnly, int)>> EarlyAsync(
        FangkongDbContext db, Contact secondary, int needed, QuarantineCalendar calendar, DateOnly day, CancellationToken ct)
    {
        var close = secondary.SourceContactNo is { } no
            ? await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.ContactNo == no && c.Kind == ContactKind.Close, ct)
            : null;
        if (close is null)
        {
            return Error.Conflict(ErrorText.Of("error.rules15.early-no-close-contact", secondary.SourceContactNo ?? "—", calendar.CentralOverOn));
        }

        var first = (await CloseContactTestsAsync(db, close, ct)).Take(needed).ToList();
        if (first.Any(t => t.Result == StayTestResult.Positive))
        {
            return Error.Conflict(ErrorText.Of("error.rules15.early-close-positive", close.ContactNo, calendar.CentralOverOn));
        }

        if (first.Count < needed)
        {
            return Error.Conflict(ErrorText.Of("error.rules15.early-not-yet", close.ContactNo, needed, first.Count, calendar.CentralOverOn));
        }

        return ($"密接 {close.ContactNo} 前 {needed} 次核酸检测均阴性，次密接提前解除 (close contact {close.ContactNo}'s first {needed} tests negative: early release)", day, secondary.HomeDays);
    }

    /// <summary>The close contact's test results, first day first: in central quarantine and at home.</summary>
    private static async Task<IReadOnlyList<(DateOnly Day, StayTestResult Result)>> CloseContactTestsAsync(FangkongDbContext db, Contact close, CancellationToken ct)
    {
        var central = await (
                from t in db.StayTests.AsNoTracking()
                join p in db.Placements.AsNoTracking() on t.PlacementId equals p.Id
                where p.ContactId == close.Id && t.Result != null
                select new { t.DueOn, Result = t.Result!.Value })
            .ToListAsync(ct);
        var home = await (
                from t in db.HomeTests.AsNoTracking()
                join w in db.HomeWatches.AsNoTracking() on t.WatchId equals w.Id
                where w.ContactNo == close.ContactNo
                select new { t.DueOn, t.Result })
            .ToListAsync(ct);
        return [.. central.Select(t => (t.DueOn, t.Result)).Concat(home.Select(t => (t.DueOn, t.Result))).OrderBy(t => t.Item1)];
    }
}
