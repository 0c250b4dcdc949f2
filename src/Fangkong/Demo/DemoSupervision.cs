using Fangkong.Access;
using Fangkong.Cases.Bulletins;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Organisations;
using Fangkong.Supervision.Detectors;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fangkong.Demo;

/// <summary>
/// Supervision in the demo week, through the same use cases as the pages: three days ago the
/// discipline inspector (jijian) made an unannounced visit (四不两直) to 康乐养老院, where the
/// outbreak's cluster is, and found two problems owned by the home's director; one was rectified
/// and verified by a follow-up review (回头看) yesterday, the other is overdue and escalated to the
/// township; a resident's hotline complaint about 吉源社区 is open; yesterday's bulletin of 船营区 is
/// published; and the detectors run over the demo's records (the nursing-home cluster is one of
/// theirs). Skipped when the unannounced inspection exists.
/// </summary>
public static class DemoSupervision
{
    public const string Inspector = "jijian";

    public sealed record Report(long InspectionId, int Findings, int Verified, int Escalated, int DetectorFindings, long? BulletinId);

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var home = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Name == DemoCases.NursingHome, ct);
        if (home is null || await db.Inspections.AnyAsync(i => i.PlaceId == home.Id && i.Kind == InspectionKind.Unannounced, ct))
        {
            return null;
        }

        var (unit, director) = await HomeUnitAsync(db, home, ct);
        var now = time.GetUtcNow();
        var visit = new Shifted(time, now.AddDays(-3));
        long inspectionId;
        long gate, register;
        await using (var jijian = As(db, new Jurisdiction(Inspector, "2202", false)))
        {
            var planned = Ok(await PlanInspection.HandleAsync(jijian, visit, new PlanInspection.Command(
                InspectionKind.Unannounced, InspectionTargetKind.Place, null, home.Id, null, "nursing-home", [Inspector], ChinaTime.DayOf(visit.GetUtcNow())), ct));
            inspectionId = planned.Id;
            Ok(await ConductInspection.StartAsync(jijian, visit, inspectionId, ct));
            var items = Ok(await GetInspection.HandleAsync(jijian, inspectionId, true, ct)).Items;
            var failures = new Dictionary<int, (string Note, TimeSpan Due)>
            {
                [1] = ("大门虽有门岗，但暗访时值守人员不在岗，外来送餐人员直接进入院内", TimeSpan.FromDays(1)),
                [3] = ("老人体温登记表 4 月 2 日至 4 日空白，工作人员健康监测记录不全", TimeSpan.FromDays(2)),
            };
            var raised = new Dictionary<int, long>();
            foreach (var item in items)
            {
                var failed = failures.TryGetValue(item.No, out var f);
                var recorded = Ok(await ConductInspection.RecordAsync(jijian, visit, new ConductInspection.Record(
                    inspectionId, item.ItemId, failed ? ItemOutcome.Fail : ItemOutcome.Pass, failed ? f.Note : null,
                    failed ? unit : null, failed ? director : null, failed ? visit.GetUtcNow() + f.Due : null), ct));
                if (recorded.FindingId is { } id)
                {
                    raised[item.No] = id;
                }
            }

            Ok(await ConductInspection.CompleteAsync(jijian, visit, inspectionId, "封闭管理流于形式：门岗脱岗、健康监测不落实，与院内聚集性疫情直接相关。", ct));
            (gate, register) = (raised[1], raised[3]);
        }

        // The register was rectified the next day, and verified by a follow-up review yesterday; the gate was not.
        var nextDay = new Shifted(time, now.AddDays(-2));
        await using (var county = As(db, new Jurisdiction("chuanying", DemoSetup.County, false)))
        {
            Ok(await FindingTransitions.SubmitRectificationAsync(county, nextDay, register, "已补齐 4 月 2 日至今的体温登记，指定专人每日两次测温并签字，院长每日核查。", ct));
            Ok(await AddEvidence.HandleAsync(county, nextDay, new AddEvidence.Command(
                register, "体温登记表-整改后.txt", "text/plain", System.Text.Encoding.UTF8.GetBytes("康乐养老院 体温登记（整改后）\n4月2日—4月5日 逐日逐人登记，专人签字。\n"), "整改后登记表"), ct));
        }

        var yesterday = new Shifted(time, now.AddDays(-1));
        await using (var jijian = As(db, new Jurisdiction(Inspector, "2202", false)))
        {
            var review = Ok(await PlanInspection.HandleAsync(jijian, yesterday, new PlanInspection.Command(
                InspectionKind.FollowUpReview, InspectionTargetKind.Place, null, home.Id, null, "nursing-home", [Inspector], ChinaTime.DayOf(yesterday.GetUtcNow()), inspectionId), ct));
            Ok(await ConductInspection.StartAsync(jijian, yesterday, review.Id, ct));
            Ok(await FindingTransitions.VerifyAsync(jijian, yesterday, register, review.Id, ct));
        }

        // A resident's hotline complaint, open, owned by the community committee of 吉源社区.
        var committee = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == "吉源社区居民委员会", ct);
        var complaints = 0;
        if (committee is not null && await db.Officials.AsNoTracking().Where(o => o.OrganisationId == committee.Id).OrderBy(o => o.Id).FirstOrDefaultAsync(ct) is { } secretary)
        {
            await using var jijian = As(db, new Jurisdiction(Inspector, "2202", false));
            Ok(await RaiseFinding.HandleAsync(jijian, time, new RaiseFinding.Command(
                FindingSource.Complaint, "居民反映封控楼栋生活物资三天未送达", "12345 热线：吉源社区 3 号楼居民反映封控后生活物资三天未送达，老人缺药。",
                FindingCategory.Supplies, FindingSeverity.Major, committee.Id, secretary.Id, now.AddDays(1), "12345-20220405-0317"), ct));
            complaints = 1;
        }

        // The gate finding is past its deadline: the scheduled escalation moves it to the township, with a notice.
        var escalated = await EscalateOverdue.HandleAsync(db, time, null, ct);

        long? bulletinId = null;
        await using (var centre = As(db, new Jurisdiction("zhihuibu", "2202", true)))
        {
            var published = await PublishBulletin.HandleAsync(centre, time, new PublishBulletin.Command(DemoSetup.County, ChinaTime.Today(time).AddDays(-1)), ct);
            bulletinId = published.Value?.Id;
        }

        var detectors = await RunDetectors.HandleAsync(db, time, new RunDetectors.Command(DetectorCatalog.All, DetectorSettings.Defaults, Force: true), ct);
        return new Report(inspectionId, 2 + complaints, 1, escalated.Escalated, detectors.Raised, bulletinId);
    }

    /// <summary>The unit that runs the home, with its director and infection-control officer (added once).</summary>
    private static async Task<(long Unit, long Director)> HomeUnitAsync(FangkongDbContext db, Places.Place home, CancellationToken ct)
    {
        var unit = await db.Organisations.FirstOrDefaultAsync(o => o.PlaceId == home.Id, ct);
        if (unit is null)
        {
            unit = new Organisation(home.Name, OrganisationKind.Other, home.RegionCode, home.Id);
            db.Organisations.Add(unit);
            await db.SaveChangesAsync(ct);
            var random = new Random(2022_04);
            db.Officials.Add(new Official(unit, ChineseNames.Next(random, false), "院长", isPartyMember: true));
            db.Officials.Add(new Official(unit, ChineseNames.Next(random, true), "院感专员", isPartyMember: false));
            await db.SaveChangesAsync(ct);
        }

        var director = await db.Officials.AsNoTracking().Where(o => o.OrganisationId == unit.Id).OrderBy(o => o.Id).FirstAsync(ct);
        return (unit.Id, director.Id);
    }

    /// <summary>A context on the same database seen by another user, so that each step is done by whom it would be.</summary>
    private static FangkongDbContext As(FangkongDbContext db, Jurisdiction who)
    {
        var options = (DbContextOptions<FangkongDbContext>)db.GetService<IDbContextOptions>();
        return new FangkongDbContext(options, new FixedJurisdiction(who), db.Clock);
    }

    private static T Ok<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException($"Demo supervision step refused: {result.Error!.Message}");

    /// <summary>The demo's clock moved to an earlier instant, for the steps of the past days.</summary>
    private sealed class Shifted(TimeProvider time, DateTimeOffset at) : TimeProvider
    {
        private readonly TimeSpan _offset = at - time.GetUtcNow();

        public override DateTimeOffset GetUtcNow() => time.GetUtcNow() + _offset;
    }
}
