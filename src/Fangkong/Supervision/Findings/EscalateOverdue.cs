using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// Escalates open findings past their deadline to the region above (逾期升级督办), with a notice to
/// that region. A finding escalates one level at once and again each further interval it stays
/// open (level n is due at deadline + (n−1) × interval), up to the province. Runs as the system;
/// a notice per finding and level is unique, so a second run changes nothing.
/// </summary>
public static class EscalateOverdue
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(24);

    public sealed record Report(int Escalated, IReadOnlyList<long> FindingIds);

    public static async Task<Report> HandleAsync(FangkongDbContext system, TimeProvider time, TimeSpan? interval = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var every = interval ?? DefaultInterval;
        var now = time.GetUtcNow();
        var overdue = await system.Findings.Where(f => f.Status == FindingStatus.Open && f.Deadline < now).OrderBy(f => f.Id).ToListAsync(ct);
        var escalated = new List<long>();
        foreach (var finding in overdue)
        {
            var dueAt = finding.Deadline + (every * finding.EscalationLevel);
            var current = finding.EscalatedTo ?? finding.RegionCode;
            var parent = Regions.RegionCode.ParentOf(current);
            if (now <= dueAt || parent.Length == 0)
            {
                continue;
            }

            if (finding.Escalate(parent, now) is not null)
            {
                continue;
            }

            var parentName = await system.Regions.AsNoTracking().Where(r => r.Code == parent).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? parent;
            var text = $"【逾期督办】{finding.ResponsibleUnit}（责任人：{finding.ResponsiblePerson}）的问题「{finding.Title}」整改时限为 "
                + $"{Common.ChinaTime.Format(finding.Deadline)}，至今未整改，升级至{parentName}督办（第 {finding.EscalationLevel} 级）。"
                + $" Overdue finding {finding.Id} escalated to {parent} (level {finding.EscalationLevel}).";
            system.EscalationNotices.Add(new EscalationNotice(finding, parent, text, now));
            system.FindingEvents.Add(new FindingEvent(finding, FindingAction.Escalated, system.Jurisdiction.UserName, now, $"升级至 {parentName} ({parent})"));
            await system.SaveChangesAsync(ct);
            escalated.Add(finding.Id);
        }

        return new Report(escalated.Count, escalated);
    }
}
