using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.ClosedLoop;

/// <summary>
/// Finds the breaches of every closed loop in the caller's jurisdiction on a day and records the
/// new ones for supervision: delivery staff who share quarters with staff who stay inside (the
/// seed-000 enterprise cluster: "送货人员与其他工作人员共同食宿"), and members who missed a
/// scheduled swab. Run again, it records nothing twice.
/// </summary>
public static class DetectBreaches
{
    public sealed record Detected(int Groups, int SharedQuarters, int MissedTests, int New);

    public static async Task<Result<Detected>> HandleAsync(FangkongDbContext db, TimeProvider time, DateOnly day, long? groupId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var groups = await db.ClosedLoopGroups.Where(g => groupId == null || g.Id == groupId).ToListAsync(ct);
        if (groupId is not null && groups.Count == 0)
        {
            return Error.NotFound(ErrorText.Of("error.closed-loop.closed-loop-does-not-exist", groupId));
        }

        var groupIds = groups.Select(g => g.Id).ToList();
        var known = (await db.ClosedLoopBreaches.AsNoTracking().Where(b => EF.Parameter(groupIds).Contains(b.GroupId))
                .Select(b => new { b.GroupId, b.Key }).ToListAsync(ct))
            .Select(b => (b.GroupId, b.Key)).ToHashSet();
        var now = time.GetUtcNow();
        int shared = 0, missed = 0, added = 0;
        foreach (var group in groups)
        {
            var found = new List<(BreachKind Kind, string Key, string Detail)>();
            var report = await CheckCompliance.HandleAsync(db, group.Id, day, audit: false, asOf: now, ct: ct);
            var members = report.Value!.Members;
            foreach (var quarters in members.GroupBy(m => m.Quarters, StringComparer.Ordinal))
            {
                var delivery = quarters.Where(m => m.Role == ClosedLoopRole.Delivery).ToList();
                var inside = quarters.Where(m => m.Role != ClosedLoopRole.Delivery).ToList();
                if (delivery.Count > 0 && inside.Count > 0)
                {
                    shared++;
                    var roles = string.Join("、", inside.Select(m => RoleText(m.Role)).Distinct());
                    found.Add((BreachKind.SharedQuarters, $"quarters:{quarters.Key}",
                        string.Create(CultureInfo.InvariantCulture,
                            $"{quarters.Key}：送货人员 {delivery.Count} 人与{roles} {inside.Count} 人共同食宿，未分类管理 (delivery staff ({delivery.Count}) share quarters '{quarters.Key}' with {inside.Count} staff who stay inside).")));
                }
            }

            foreach (var m in members)
            {
                foreach (var slot in m.Slots.Where(s => !s.Tested && !s.Open))
                {
                    missed++;
                    found.Add((BreachKind.MissedTest, string.Create(CultureInfo.InvariantCulture, $"missed:{m.PersonId}:{day:yyyyMMdd}:{slot.Label}"),
                        $"{m.Name}（{RoleText(m.Role)}，{ScheduleText(m.Schedule)}）{day:yyyy-MM-dd} {slot.Label} 未检测 (missed a scheduled swab)."));
                }
            }

            foreach (var (kind, key, detail) in found.Where(f => known.Add((group.Id, f.Key))))
            {
                db.ClosedLoopBreaches.Add(new ClosedLoopBreach(group, kind, key, day, detail, db.Jurisdiction.UserName, now));
                added++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new Detected(groups.Count, shared, missed, added);
    }

    public static string RoleText(ClosedLoopRole role) => role switch
    {
        ClosedLoopRole.Delivery => "送货人员",
        ClosedLoopRole.Production => "生产人员",
        ClosedLoopRole.CommunityWorker => "社区工作者",
        ClosedLoopRole.Supermarket => "商超人员",
        _ => "其他人员",
    };

    public static string ScheduleText(TestSchedule schedule) => schedule switch
    {
        TestSchedule.TwiceDaily => "每日两检",
        TestSchedule.EveryOtherDay => "隔日一检",
        _ => "每日一检",
    };
}
