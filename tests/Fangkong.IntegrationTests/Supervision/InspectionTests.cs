using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>Seeded, versioned checklists; conducting an inspection; a failed item raises a finding or is refused whole.</summary>
public sealed class InspectionTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Checklists_ShipOnePerTargetType_HospitalSeparatesYellowAndGreenCodes(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await using var db = world.Context(SupervisionWorld.Inspector);

        var templates = await Checklists.ListAsync(db);

        templates.Select(t => t.TargetType).ShouldBe(Enum.GetValues<ChecklistTargetType>(), ignoreOrder: true);
        var hospital = (await Checklists.GetAsync(db, templates.Single(t => t.Key == "hospital").Id)).Value!;
        hospital.Items.ShouldContain(i => i.Text.Contains("黄码") && i.Text.Contains("绿码") && i.Severity == FindingSeverity.Serious);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EditChecklist_MakesANewVersion_AndAnInspectionKeepsTheItemsItWasConductedWith(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var inspection = await FindingTests.PlanStartedAsync(world, InspectionKind.Scheduled);
        await using (var centre = world.Context(new Access.Jurisdiction("city", "2202", true)))
        {
            var edited = await Checklists.EditAsync(centre, world.Time, new Checklists.Edit("nursing-home", null, [
                new Checklists.ItemInput("新增：探视一律暂停", FindingCategory.ClosedManagement, FindingSeverity.Major)]));
            edited.Value!.Template.Version.ShouldBe(2);
            (await Checklists.EditAsync(centre, world.Time, new Checklists.Edit("nursing-home", null, []))).Error!.Field.ShouldBe("items");
        }

        await using var db = world.Context(SupervisionWorld.Inspector);
        var versions = await Checklists.ListAsync(db, "nursing-home");
        versions.Select(v => (v.Version, v.IsCurrent)).ShouldBe([(2, true), (1, false)]);
        var detail = (await GetInspection.HandleAsync(db, inspection, seesPlannedUnannounced: true)).Value!;
        detail.ChecklistVersion.ShouldBe(1);
        detail.Items.Count.ShouldBe(7);
        var later = await FindingTests.PlanAsync(world, InspectionKind.Scheduled);
        (await GetInspection.HandleAsync(db, later, true)).Value!.Items.Single().Text.ShouldBe("新增：探视一律暂停");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Plan_WithAnInspectorWhoIsNot_IsRefused_AndAPlannedUnannouncedInspectionIsHiddenFromTheTarget(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            var refused = await PlanInspection.HandleAsync(db, world.Time, new PlanInspection.Command(
                InspectionKind.Unannounced, InspectionTargetKind.Place, null, world.NursingHome, null, "nursing-home", ["community"], new DateOnly(2022, 4, 5)));
            refused.Error!.Field.ShouldBe("inspectors");
            (await PlanInspection.HandleAsync(db, world.Time, new PlanInspection.Command(
                InspectionKind.Unannounced, InspectionTargetKind.Place, null, world.NursingHome, null, "no-such-list", null, new DateOnly(2022, 4, 5)))).Error!.Field.ShouldBe("checklistKey");
        }

        var id = await PlanNursingHomeAsync(world);
        await using (var community = world.Context(SupervisionWorld.CommunityWorker))
        {
            (await ListInspections.HandleAsync(community, new ListInspections.Query(), seesPlannedUnannounced: false)).TotalCount.ShouldBe(0);
            (await GetInspection.HandleAsync(community, id, false)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        }

        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            (await ListInspections.HandleAsync(db, new ListInspections.Query(MineOnly: true), true)).Items.Single().TargetName.ShouldBe("吉源养老院");
            (await ConductInspection.StartAsync(db, world.Time, id)).Value.ShouldBe(InspectionStatus.InProgress);
        }

        await using var after = world.Context(SupervisionWorld.CommunityWorker);
        (await ListInspections.HandleAsync(after, new ListInspections.Query(), false)).TotalCount.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FailedItem_WithoutAnOwnerOrDeadline_IsRefusedWhole_WithOne_RaisesAFindingOfTheNursingHome(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var id = await PlanNursingHomeAsync(world);
        await using var db = world.Context(SupervisionWorld.Inspector);
        var detail = (await GetInspection.HandleAsync(db, id, true)).Value!;
        var item = detail.Items[0];
        (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, item.ItemId, ItemOutcome.Pass, null))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        await ConductInspection.StartAsync(db, world.Time, id);
        var due = world.Time.GetUtcNow().AddDays(1);

        (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, item.ItemId, ItemOutcome.Fail, "大门无人值守", Deadline: due))).Error!.Field.ShouldBe("responsibleOfficialId");
        (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, item.ItemId, ItemOutcome.Fail, "大门无人值守", OfficialId: world.NursingHomeOfficial))).Error!.Field.ShouldBe("deadline");
        await using (var check = world.Context())
        {
            (await check.InspectionResults.CountAsync()).ShouldBe(0);
            (await check.Findings.CountAsync()).ShouldBe(0);
        }

        var recorded = (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(
            id, item.ItemId, ItemOutcome.Fail, "大门无人值守，外来人员可随意进出", OfficialId: world.NursingHomeOfficial, Deadline: due))).Value!;

        var finding = await world.FindingAsync(recorded.FindingId!.Value);
        finding.Source.ShouldBe(FindingSource.Inspection);
        finding.InspectionId.ShouldBe(id);
        finding.ResponsibleUnit.ShouldBe("吉源养老院");
        finding.Severity.ShouldBe(item.Severity);
        finding.Title.ShouldBe(item.Text);
        (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, item.ItemId, ItemOutcome.Pass, "改判"))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Complete_WithItemsLeft_IsRefused_ByAnotherUser_IsForbidden_ThenClosesToResults(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var id = await PlanNursingHomeAsync(world);
        await using (var county = world.Context(SupervisionWorld.CountyInspector))
        {
            (await ConductInspection.StartAsync(county, world.Time, id)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        }

        await using var db = world.Context(SupervisionWorld.Inspector);
        await ConductInspection.StartAsync(db, world.Time, id);
        var items = (await GetInspection.HandleAsync(db, id, true)).Value!.Items;
        foreach (var item in items.Skip(1))
        {
            (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, item.ItemId, ItemOutcome.Pass, null))).IsSuccess.ShouldBeTrue();
        }

        (await ConductInspection.CompleteAsync(db, world.Time, id, "总体较好")).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, items[0].ItemId, ItemOutcome.NotApplicable, null));
        (await ConductInspection.CompleteAsync(db, world.Time, id, "总体较好")).Value.ShouldBe(InspectionStatus.Completed);
        (await ConductInspection.RecordAsync(db, world.Time, new ConductInspection.Record(id, items[0].ItemId, ItemOutcome.Pass, null))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    internal static async Task<long> PlanNursingHomeAsync(SupervisionWorld world)
    {
        await using var db = world.Context(SupervisionWorld.Inspector);
        var planned = await PlanInspection.HandleAsync(db, world.Time, new PlanInspection.Command(
            InspectionKind.Unannounced, InspectionTargetKind.Place, null, world.NursingHome, null, "nursing-home", ["jijian"], new DateOnly(2022, 4, 5)));
        planned.IsSuccess.ShouldBeTrue(planned.Error?.Message);
        return planned.Value!.Id;
    }
}
