using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Accountability;

/// <summary>
/// One official's record over time (责任人记录): per China-time month, the findings raised against
/// them, rectified (and how many by the deadline), verified (and how many of those had been
/// rectified by the deadline), overdue, escalated, and those raised that month still not verified;
/// then the accountability measures decided against them, in date order. Everything goes through
/// the jurisdiction filter: an official outside it is not found. Reading it is audited, because it
/// lists the disciplinary measures a named person received.
/// </summary>
public static class OfficialRecord
{
    public sealed record Month(
        string Key, int Raised, int Rectified, int RectifiedOnTime, int Verified, int VerifiedOnTime, int Overdue, int Escalated, int StillOpen);

    public sealed record Measure(long CaseId, string CaseTitle, string? DecidingBody, DateOnly? DecidedOn, string Responsibility, IReadOnlyList<string> MeasuresZh, IReadOnlyList<string> MeasuresEn);

    public sealed record View(long OfficialId, string Name, string Post, string Unit, string RegionCode, IReadOnlyList<Month> Months, Month Total, IReadOnlyList<Measure> Measures);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, TimeProvider time, long officialId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var official = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Id == officialId, ct);
        if (official is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.official-does-not-exist-outside", officialId));
        }

        var unit = await db.Organisations.AsNoTracking().Where(o => o.Id == official.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? string.Empty;
        var now = time.GetUtcNow();
        // One official's findings are a few hundred at most: they are fetched (only the times) and
        // bucketed by China-time month here, where the local month is plain C#.
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.ResponsibleOfficialId == officialId)
            .Select(f => new Times(f.Status, f.RaisedAt, f.Deadline, f.RectifiedAt, f.VerifiedAt, f.EscalatedAt))
            .ToListAsync(ct);
        var months = findings
            .SelectMany(f => new[] { f.RaisedAt, f.Deadline, f.RectifiedAt, f.VerifiedAt, f.EscalatedAt })
            .OfType<DateTimeOffset>()
            .Where(t => t <= now)
            .Select(MonthOf)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(m => Count(m, findings, now))
            .ToList();

        // Accountability officials carry no official id (a case names people as its notice does,
        // and may name people the platform does not hold), so they are matched by name and unit.
        // Only decided cases count: a draft's measures are not yet measures received.
        var measures = (await db.AccountableOfficials.AsNoTracking()
                .Where(a => a.Name == official.Name && a.Unit == unit)
                .Join(db.AccountabilityCases.AsNoTracking().Where(c => c.Status == AccountabilityStatus.Decided), a => a.CaseId, c => c.Id,
                    (a, c) => new { c.Id, c.Title, c.DecidingBody, c.DecidedOn, a.Responsibility, a.Measures })
                .ToListAsync(ct))
            .OrderBy(x => x.DecidedOn).ThenBy(x => x.Id)
            .Select(x =>
            {
                var list = x.Measures.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<SanctionMeasure>).Select(SanctionCatalogue.Of).ToList();
                return new Measure(x.Id, x.Title, x.DecidingBody, x.DecidedOn, ResponsibilityKinds.Zh(x.Responsibility), [.. list.Select(s => s.Zh)], [.. list.Select(s => s.En)]);
            })
            .ToList();

        await db.AuditReadAsync(nameof(Organisations.Official), officialId.ToString(CultureInfo.InvariantCulture), official.RegionCode, ct);
        return new View(official.Id, official.Name, official.Post, unit, official.RegionCode, months, Count(null, findings, now), measures);
    }

    private sealed record Times(FindingStatus Status, DateTimeOffset RaisedAt, DateTimeOffset Deadline, DateTimeOffset? RectifiedAt, DateTimeOffset? VerifiedAt, DateTimeOffset? EscalatedAt);

    private static string MonthOf(DateTimeOffset at) => ChinaTime.DayOf(at).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The counts of one month (<paramref name="month"/> null: all months together).</summary>
    private static Month Count(string? month, IReadOnlyList<Times> findings, DateTimeOffset now)
    {
        bool In(DateTimeOffset? at) => at is { } t && t <= now && (month is null || MonthOf(t) == month);

        // A rejected rectification sends the finding back to Open but keeps the time of the last
        // report: only a report still standing (submitted or verified) counts as a rectification.
        var rectified = findings.Where(f => f.Status != FindingStatus.Open && In(f.RectifiedAt)).ToList();
        var verified = findings.Where(f => f.Status == FindingStatus.Verified && In(f.VerifiedAt)).ToList();
        // Overdue: the deadline fell in the month (and has passed) with no rectification standing by
        // then — late or not at all. "By the deadline" includes the deadline itself, as escalation does.
        var overdue = findings.Count(f => In(f.Deadline) && f.Deadline < now && !OnTime(f));
        return new Month(
            month ?? "total",
            findings.Count(f => In(f.RaisedAt)),
            rectified.Count,
            rectified.Count(OnTime),
            verified.Count,
            verified.Count(OnTime),
            overdue,
            // Only the last escalation's time is kept, so a finding escalated twice counts once, in the month of the last.
            findings.Count(f => In(f.EscalatedAt)),
            findings.Count(f => In(f.RaisedAt) && f.Status != FindingStatus.Verified));
    }

    private static bool OnTime(Times f) => f.Status != FindingStatus.Open && f.RectifiedAt is { } r && r <= f.Deadline;
}
