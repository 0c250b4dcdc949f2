using System.Net;
using Fangkong.Access;
using Fangkong.Accountability;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Organisations;
using Fangkong.Supervision;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>One official's record over time: monthly counts in China time, on time vs late, measures received, and who may see it.</summary>
public sealed class OfficialRecordTests
{
    private static readonly DateTimeOffset AprilLastMinute = new(2022, 4, 30, 15, 59, 0, TimeSpan.Zero); // 2022-04-30 23:59 in China
    private static readonly DateTimeOffset MayFirst = new(2022, 4, 30, 16, 0, 0, TimeSpan.Zero); // 2022-05-01 00:00 in China

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Months_CountRaisedRectifiedVerifiedOverdue_InChinaTime_OnTimeOnBothSidesOfTheDeadline(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var review = await FindingTests.PlanStartedAsync(world, InspectionKind.FollowUpReview);
        var onTime = await world.RaiseComplaintAsync("门岗无人值守");
        var late = await world.RaiseComplaintAsync("未查验通行证");
        var deadline = (await world.FindingAsync(onTime)).Deadline;
        world.Time.SetUtcNow(deadline.AddMinutes(-1));
        await FindingTests.RectifyAsync(world, onTime);
        world.Time.SetUtcNow(deadline.AddMinutes(1));
        await FindingTests.RectifyAsync(world, late);
        world.Time.SetUtcNow(deadline.AddDays(1));
        await VerifyAsync(world, onTime, review);
        world.Time.SetUtcNow(AprilLastMinute);
        await world.RaiseComplaintAsync("四月最后一分钟");
        world.Time.SetUtcNow(MayFirst);
        await world.RaiseComplaintAsync("五月第一分钟");
        await RaiseForCountyOfficialAsync(world);
        world.Time.SetUtcNow(new DateTimeOffset(2022, 5, 3, 2, 0, 0, TimeSpan.Zero));
        await using (var system = world.Context())
        {
            (await EscalateOverdue.HandleAsync(system, world.Time)).Escalated.ShouldBe(3); // the two overdue ones, and the county official's
        }

        await VerifyAsync(world, late, review);
        world.Time.SetUtcNow(new DateTimeOffset(2022, 5, 10, 2, 0, 0, TimeSpan.Zero));

        await using var db = world.Context(SupervisionWorld.Inspector);
        var view = (await OfficialRecord.HandleAsync(db, world.Time, world.CommunityOfficial)).Value!;

        view.Name.ShouldBe("王社区");
        view.Unit.ShouldBe("吉源社区居委会");
        view.Months.Select(m => m.Key).ShouldBe(["2022-04", "2022-05"]);
        // April: 3 raised (on time, late, last minute); both rectified, one by the deadline; the on-time one verified;
        // the late one overdue; the last-minute one still open.
        view.Months[0].ShouldBe(new OfficialRecord.Month("2022-04", Raised: 3, Rectified: 2, RectifiedOnTime: 1, Verified: 1, VerifiedOnTime: 1, Overdue: 1, Escalated: 0, StillOpen: 1));
        // May: 1 raised (first minute); the late one verified (not on time); the two raised at the end of April/start of May
        // overdue and escalated.
        view.Months[1].ShouldBe(new OfficialRecord.Month("2022-05", Raised: 1, Rectified: 0, RectifiedOnTime: 0, Verified: 1, VerifiedOnTime: 0, Overdue: 2, Escalated: 2, StillOpen: 1));
        view.Total.ShouldBe(new OfficialRecord.Month("total", 4, 2, 1, 2, 1, 3, 2, 2));
        (await db.AuditLog.CountAsync(a => a.Entity == nameof(Official) && a.EntityKey == world.CommunityOfficial.ToString() && a.Action == "read")).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Measures_OfADecidedCase_MatchedByNameAndUnit_AppearInDateOrder(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await world.RaiseComplaintAsync();
        world.Time.SetUtcNow(new DateTimeOffset(2022, 6, 1, 2, 0, 0, TimeSpan.Zero)); // decisions are not dated in the future
        var later = await CaseAsync(world, "吉源社区居委会", ["免职"], new DateOnly(2022, 5, 20));
        var earlier = await CaseAsync(world, "吉源社区居委会", ["诫勉", "通报"], new DateOnly(2022, 4, 20));
        await CaseAsync(world, "别的单位", ["记过"], new DateOnly(2022, 4, 21)); // same name, another unit: someone else
        await CaseAsync(world, "吉源社区居委会", ["开除"], decidedOn: null); // a draft: nothing received yet

        await using var db = world.Context(SupervisionWorld.Inspector);
        var view = (await OfficialRecord.HandleAsync(db, world.Time, world.CommunityOfficial)).Value!;
        // The cases are the county's: the community's own worker sees the official, not the county's cases.
        await using (var community = world.Context(SupervisionWorld.CommunityWorker))
        {
            (await OfficialRecord.HandleAsync(community, world.Time, world.CommunityOfficial)).Value!.Measures.ShouldBeEmpty();
        }

        view.Measures.Select(m => m.CaseId).ShouldBe([earlier, later]);
        view.Measures[0].DecidedOn.ShouldBe(new DateOnly(2022, 4, 20));
        view.Measures[0].MeasuresZh.ShouldBe(["通报", "诫勉"]);
        view.Measures[1].MeasuresZh.ShouldBe(["免职"]);
        view.Measures[0].DecidingBody.ShouldBe("吉林市纪委监委");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherCountysUser_DoesNotFindTheOfficial_NorSeesThemOnTheDashboard(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await world.RaiseComplaintAsync();

        await using (var other = world.Context(SupervisionWorld.OtherCountyWorker))
        {
            (await OfficialRecord.HandleAsync(other, world.Time, world.CommunityOfficial)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
            (await OfficialsWithFindings.HandleAsync(other, world.Time)).ShouldBeEmpty();
        }

        await using var own = world.Context(SupervisionWorld.CommunityWorker);
        var line = (await OfficialsWithFindings.HandleAsync(own, world.Time)).ShouldHaveSingleItem();
        line.ShouldBe(new OfficialsWithFindings.Line(world.CommunityOfficial, "王社区", "吉源社区居委会", Open: 1, Overdue: 0, Verified: 0));
        world.Time.Advance(TimeSpan.FromDays(3));
        (await OfficialsWithFindings.HandleAsync(own, world.Time)).Single().Overdue.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Page_ShowsTheRecord_LinkedFromTheDashboard_RefusesOtherRolesAndRegions(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        long official, elsewhere;
        await using (var db = host.Database.NewContext())
        {
            var unit = new Organisation("吉源社区居委会", OrganisationKind.CommunityCommittee, WebTestData.Community);
            var other = new Organisation("松北一区社区居委会", OrganisationKind.CommunityCommittee, WebTestData.OtherCommunity);
            db.Organisations.AddRange(unit, other);
            await db.SaveChangesAsync();
            var person = new Official(unit, "王社区", "社区党委书记", isPartyMember: true);
            var otherPerson = new Official(other, "刘社区", "社区主任", isPartyMember: false);
            db.Officials.AddRange(person, otherPerson);
            await db.SaveChangesAsync();
            (official, elsewhere) = (person.Id, otherPerson.Id);
            var now = DateTimeOffset.UtcNow;
            db.Findings.Add(Finding.Raise(new Finding.Draft(
                FindingSource.Complaint, WebTestData.Community, "小区封控不严", null, FindingCategory.ClosedManagement, FindingSeverity.Major,
                unit.Id, unit.Name, person.Id, "王社区 社区党委书记", now.AddDays(2), "test", now, ComplaintRef: "12345-1")).Value!);
            await db.SaveChangesAsync();
        }

        using var community = await host.ClientAsync("community");
        var dashboard = await community.GetStringAsync("/supervision");
        dashboard.ShouldContain("责任人记录");
        dashboard.ShouldContain($"href=\"supervision/officials/{official}\"");
        var page = await community.GetStringAsync($"/supervision/officials/{official}");
        page.ShouldContain("责任人履职记录");
        page.ShouldContain("王社区");
        page.ShouldContain(ChinaTime.DayOf(DateTimeOffset.UtcNow).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));

        using (var outside = await community.GetAsync($"/supervision/officials/{elsewhere}"))
        {
            outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await outside.Content.ReadAsStringAsync()).ShouldNotContain("刘社区");
        }

        (await community.GetStringAsync($"/api/v1/supervision/officials/{official}")).ShouldContain("\"raised\":1");
        (await community.GetAsync($"/api/v1/supervision/officials/{elsewhere}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await community.GetStringAsync("/api/v1/supervision/officials")).ShouldContain($"\"officialId\":{official},");

        using var sampler = await host.ClientAsync("sampler");
        using var refused = await sampler.GetAsync($"/supervision/officials/{official}");
        refused.Headers.Location!.AbsolutePath.ShouldBe("/forbidden");
        (await sampler.GetAsync($"/api/v1/supervision/officials/{official}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sampler.GetAsync("/api/v1/supervision/officials")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task VerifyAsync(SupervisionWorld world, long id, long review)
    {
        await using var db = world.Context(SupervisionWorld.Inspector);
        var result = await FindingTransitions.VerifyAsync(db, world.Time, id, review);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    private static async Task RaiseForCountyOfficialAsync(SupervisionWorld world)
    {
        await using var db = world.Context(SupervisionWorld.Inspector);
        var result = await RaiseFinding.HandleAsync(db, world.Time, new RaiseFinding.Command(
            FindingSource.Complaint, "区卫健局督导不力", null, FindingCategory.ClosedManagement, FindingSeverity.Major,
            world.CountyUnit, world.CountyOfficial, world.Time.GetUtcNow().AddDays(2), ComplaintRef: "12345-0501-002"));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    private static async Task<long> CaseAsync(SupervisionWorld world, string unit, IReadOnlyList<string> measures, DateOnly? decidedOn)
    {
        await using var db = world.Context(SupervisionWorld.Inspector);
        var saved = await SaveAccountabilityCase.CreateAsync(db, world.Time, new SaveAccountabilityCase.Command(
            WebTestData.County, "在疫情防控工作中履职不力", "封控小区管理不严", null, null, null,
            [new SaveAccountabilityCase.Official("王社区", unit, "社区党委书记", WebTestData.Community, "直接责任", null, measures)], null));
        saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
        if (decidedOn is { } on)
        {
            var decided = await DecideAccountabilityCase.HandleAsync(db, world.Time, saved.Value!.Id, new DecideAccountabilityCase.Command("吉林市纪委监委", on));
            decided.IsSuccess.ShouldBeTrue(decided.Error?.Message);
        }

        return saved.Value!.Id;
    }
}
