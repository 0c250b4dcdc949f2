using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.InfectionFree;

/// <summary>
/// The daily re-check: every open label (applied, reviewed or registered) whose unit no longer
/// meets the criteria on the day is removed at once, with a notice saying why. Run by the CLI
/// (<c>infection-free recheck</c>) and by a background service; idempotent.
/// </summary>
public static class RecheckLabels
{
    public sealed record Rechecked(DateOnly Day, int Checked, int Removed, IReadOnlyList<string> Notices);

    public static async Task<Result<Rechecked>> HandleAsync(FangkongDbContext db, TimeProvider time, DateOnly? day = null, AreaCriteriaSettings? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        settings ??= AreaCriteriaSettings.Default;
        var on = day ?? ChinaTime.Today(time);
        var labels = await db.InfectionFreeLabels.Where(l => l.Status != LabelStatus.Removed).ToListAsync(ct);
        if (labels.Count == 0)
        {
            return new Rechecked(on, 0, 0, []);
        }

        var criteria = await LabelCriteria.ForLabelsAsync(db, labels, on, settings, ct);
        if (!criteria.IsSuccess)
        {
            return criteria.Error!;
        }

        var now = time.GetUtcNow();
        var notices = new List<InfectionFreeNotice>();
        foreach (var label in labels)
        {
            var failures = LabelCriteria.Failures(criteria.Value![label.Id], settings);
            if (failures.Count == 0)
            {
                continue;
            }

            var was = label.Status;
            var reason = LabelCriteria.Describe(failures);
            label.Remove(now, reason);
            var what = was == LabelStatus.Registered ? "摘除无疫标识" : "终止无疫申请";
            notices.Add(new InfectionFreeNotice(label, on, $"{label.Name}：{on:yyyy-MM-dd} 不再符合无疫条件，{what} ({label.Name} no longer qualifies on {on:yyyy-MM-dd}; label removed)：{reason}", now));
        }

        if (notices.Count > 0)
        {
            db.InfectionFreeNotices.AddRange(notices);
            await db.SaveChangesAsync(ct);
        }

        return new Rechecked(on, labels.Count, notices.Count, [.. notices.Select(n => n.Message)]);
    }
}
