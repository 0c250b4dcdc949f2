using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>
/// Issue 16, item 4: a failed checklist item could not be saved when the inspected area had no
/// registered official, so the inspection stayed 检查中 for ever. The finding now goes to the official
/// of the lowest level that has one, and the inspection says the area has none on record.
/// </summary>
public sealed class NoOfficialOnRecordTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FailedItem_InACommunityWithNoOfficial_GoesToTheStreetsOfficial_AndTheInspectionCompletes(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        await using var db = world.Context(SupervisionWorld.Inspector);
        var id = await PlanOtherCommunityAsync(db, world);
        await ConductInspection.StartAsync(db, world.Time, id);
        var detail = (await GetInspection.HandleAsync(db, id, true)).Value!;
        detail.Officials.ShouldBeEmpty();
        detail.Above.ShouldNotBeNull().Unit.ShouldBe("大东街道办事处");
        detail.Above.Name.ShouldBe("李街道（街道办事处主任）");

        var failed = await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(
            id, detail.Items[0].ItemId, ItemOutcome.Fail, "卡口无人值守", Deadline: world.Time.GetUtcNow().AddDays(2)));

        failed.IsSuccess.ShouldBeTrue(failed.Error?.Message);
        var finding = await world.FindingAsync(failed.Value!.FindingId!.Value);
        (finding.ResponsibleUnit, finding.ResponsibleOfficialId).ShouldBe(("大东街道办事处", await StreetOfficialAsync(world)));
        foreach (var item in detail.Items.Skip(1))
        {
            (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, item.ItemId, ItemOutcome.Pass, null))).IsSuccess.ShouldBeTrue();
        }

        (await ConductInspection.CompleteAsync(db, world.Time, id, "一项不合格")).Value.ShouldBe(InspectionStatus.Completed);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FailedItem_WithNoOfficialOnRecordInTheJurisdiction_IsRefusedNextToTheOfficial_AndNothingIsRecorded(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        long id;
        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            id = await PlanOtherCommunityAsync(db, world);
            await ConductInspection.StartAsync(db, world.Time, id);
        }

        await using (var all = world.Context())
        {
            await all.Officials.ExecuteDeleteAsync();
        }

        await using var inspector = world.Context(SupervisionWorld.Inspector);
        var detail = (await GetInspection.HandleAsync(inspector, id, true)).Value!;
        detail.Above.ShouldBeNull();

        var refused = await ConductInspection.RecordAsync(inspector, world.Time, new ConductInspection.Record(
            id, detail.Items[0].ItemId, ItemOutcome.Fail, "卡口无人值守", Deadline: world.Time.GetUtcNow().AddDays(2)));

        refused.Error!.Field.ShouldBe("official");
        refused.Error.Message.ShouldContain("松北一区社区");
        await using var check = world.Context();
        (await check.InspectionResults.CountAsync()).ShouldBe(0);
        (await check.Findings.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherCountysWorker_CannotSeeTheInspection(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        long id;
        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            id = await PlanOtherCommunityAsync(db, world);
        }

        await using var changyi = world.Context(SupervisionWorld.OtherCountyWorker);
        (await GetInspection.HandleAsync(changyi, id, true)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    private static async Task<long> PlanOtherCommunityAsync(FangkongDbContext db, SupervisionWorld world)
    {
        var planned = await PlanInspection.HandleAsync(db, world.Time, new PlanInspection.Command(
            InspectionKind.Unannounced, InspectionTargetKind.Region, WebTestData.OtherCommunity, null, null, "nursing-home", ["jijian"], new DateOnly(2022, 4, 5)));
        planned.IsSuccess.ShouldBeTrue(planned.Error?.Message);
        return planned.Value!.Id;
    }

    private static async Task<long> StreetOfficialAsync(SupervisionWorld world)
    {
        await using var db = world.Context();
        return await db.Officials.Where(o => o.OrganisationId == world.StreetUnit).Select(o => o.Id).SingleAsync();
    }
}
