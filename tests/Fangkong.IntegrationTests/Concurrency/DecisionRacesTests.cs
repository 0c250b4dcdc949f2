using System.Net.Http.Json;
using Fangkong.Accountability;
using Fangkong.Data;
using Fangkong.Data.Concurrency;
using Fangkong.IntegrationTests.Accountability;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Passes;
using Fangkong.Organisations;
using Fangkong.Passes;
using Fangkong.Places;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// Ten identical requests at once for the decisions on findings, passes and accountability cases
/// (issue 12, item 5). Each answers the success or 409, never 500, and the state changes once.
/// </summary>
public sealed class DecisionRacesTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FindingRectification_SentTenTimesAtOnce_IsRecordedOnce(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        long finding;
        await using (var db = host.Database.NewContext())
        {
            var place = new Place("吉源养老院", PlaceKind.NursingHome, WebTestData.Community);
            db.Places.Add(place);
            await db.SaveChangesAsync();
            var unit = new Organisation("吉源社区居委会", OrganisationKind.CommunityCommittee, WebTestData.Community);
            db.Organisations.Add(unit);
            await db.SaveChangesAsync();
            var official = new Official(unit, "王社区", "社区党委书记", isPartyMember: true);
            db.Officials.Add(official);
            await db.SaveChangesAsync();
            var raised = await RaiseFinding.HandleAsync(db, TimeProvider.System, new RaiseFinding.Command(
                FindingSource.Complaint, "小区封控不严，有人员随意出入", "12345 热线反映", FindingCategory.ClosedManagement, FindingSeverity.Major,
                unit.Id, official.Id, DateTimeOffset.UtcNow.AddDays(2), ComplaintRef: "12345-0405-001"));
            raised.IsSuccess.ShouldBeTrue(raised.Error?.Message);
            finding = raised.Value!.Id;
        }

        using var community = await host.ClientAsync("community");
        var answers = await ParallelRepeat.SendAsync(() => community.PostAsJsonAsync($"/api/v1/findings/{finding}/rectification", new { value = "已安排 24 小时门岗" }));

        answers.ShouldBeOneSuccessOrConflicts(repeatsMaySucceed: false);
        await using var check = host.Database.NewContext();
        (await check.FindingEvents.CountAsync(e => e.FindingId == finding && e.Action == FindingAction.RectificationSubmitted)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PassApprovalAndRevocation_EachSentTenTimesAtOnce_AreRecordedOnce(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await PassesWorld.SeedAsync(host.Database);
        using var community = await host.ClientAsync("community");
        using var county = await host.ClientAsync("county");
        await PassesWorld.SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var id = await PassesWorld.ApplyAsync(community, PassesWorld.Application(unit, [WebTestData.County]));

        var approvals = await ParallelRepeat.SendAsync(() => county.PostAsync($"/api/v1/passes/{id}/approve", null));
        var revocations = await ParallelRepeat.SendAsync(() => county.PostAsJsonAsync($"/api/v1/passes/{id}/revoke", new { note = "车辆更换" }));

        approvals.ShouldBeOneSuccessOrConflicts();
        revocations.ShouldBeOneSuccessOrConflicts();
        await using var check = host.Database.NewContext();
        var events = await check.PassEvents.Where(e => e.PassId == id).Select(e => e.Action).ToListAsync();
        events.Count(a => a == "approved").ShouldBe(1);
        events.Count(a => a == "revoked").ShouldBe(1);
        (await check.Passes.SingleAsync(p => p.Id == id)).Status.ShouldBe(PassStatus.Revoked);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AccountabilityDecision_SentTenTimesAtOnce_IsTakenOnce(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var jijian = await host.ClientAsync("jijian");
        var id = await AccountabilityWorld.CreateAsync(jijian, AccountabilityWorld.Simple(WebTestData.County));

        var answers = await ParallelRepeat.SendAsync(() => jijian.PostAsJsonAsync(
            $"/api/v1/accountability/cases/{id}/decide", new { decidingBody = "吉林市纪委监委", decidedOn = "2022-04-09" }));

        answers.ShouldBeOneSuccessOrConflicts();
        await using var check = host.Database.NewContext();
        var decided = await check.AccountabilityCases.SingleAsync(c => c.Id == id);
        decided.Status.ShouldBe(AccountabilityStatus.Decided);
        // Created at version 0 and changed once, however many requests raced.
        check.Entry(decided).Property<long>(RowVersion.Property).CurrentValue.ShouldBe(1);
    }
}
