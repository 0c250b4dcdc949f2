using Fangkong.Access;
using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Areas;

/// <summary>Fangkong proposes, an authorised user of the county decides; nothing changes by itself.</summary>
public sealed class AreaProposalTests
{
    private const string Body = "船营区疫情防控指挥部";
    private static readonly DateOnly Day = CriteriaWorld.Day;

    // After 2022-06-28 the 9th edition (high/medium/low risk) is in force.
    private static readonly DateOnly July = new(2022, 7, 20);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositiveInControlledCompound_ProposesSealing_NothingChangesUntilApproved_ThenHistoryIsKept(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        var controlled = await DesignateAsync(database, AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Controlled, Day.AddDays(-3));
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day);

        var summary = await ProposeAsync(database, Day);
        summary.Proposed.ShouldBe(1);

        await using (var db = database.NewContext())
        {
            var proposal = await db.AreaProposals.SingleAsync();
            (proposal.UnitId, proposal.FromLevel, proposal.ToLevel, proposal.Rule, proposal.Status)
                .ShouldBe((world.CompoundA, AreaLevel.Controlled, AreaLevel.Sealed, ProposalRule.PositiveInControlled, ProposalStatus.Pending));
            proposal.Facts.ShouldContain("2022-04-20");

            // Unapproved: the compound is still controlled, nothing else was designated.
            var still = await db.AreaDesignations.SingleAsync();
            (still.Id, still.Level, still.EndsOn).ShouldBe((controlled, AreaLevel.Controlled, null));
        }

        // Evaluating again keeps the one pending proposal.
        (await ProposeAsync(database, Day)).ShouldBe(summary with { Proposed = 0, Kept = 1 });

        await using (var db = database.NewContext(CountyWorker()))
        {
            var id = (await db.AreaProposals.SingleAsync()).Id;
            var decided = await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(id, true, "指挥部会商同意", Body, Day));
            decided.IsSuccess.ShouldBeTrue(decided.Error?.Message);
        }

        await using var check = database.NewContext();
        var history = await check.AreaDesignations.OrderBy(d => d.Id).ToListAsync();
        history.Count.ShouldBe(2);
        (history[0].Level, history[0].EndsOn, history[0].EndedBy).ShouldBe((AreaLevel.Controlled, Day, "county"));
        (history[1].Level, history[1].StartsOn, history[1].EndsOn, history[1].ApprovingBody, history[1].ApprovedBy)
            .ShouldBe((AreaLevel.Sealed, Day, null, Body, "county"));
        history[1].ProposalId.ShouldNotBeNull();
        (await check.AreaProposals.SingleAsync()).Status.ShouldBe(ProposalStatus.Approved);
        (await check.AuditLog.CountAsync(a => a.Entity == nameof(AreaDesignation))).ShouldBeGreaterThanOrEqualTo(3);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SealedCompound_ThirteenCleanDays_NoProposal_FourteenWithContactAndRound_ProposesLifting(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await DesignateAsync(database, AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Sealed, Day.AddDays(-20));
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-13));
        await world.AddRoundAsync(WebTestData.Community, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));

        (await ProposeAsync(database, Day)).Proposed.ShouldBe(0);

        var next = await ProposeAsync(database, Day.AddDays(1));
        next.Proposed.ShouldBe(1);
        await using var db = database.NewContext();
        var proposal = await db.AreaProposals.SingleAsync();
        (proposal.FromLevel, proposal.ToLevel, proposal.Rule).ShouldBe((AreaLevel.Sealed, null, ProposalRule.LiftingCriteriaMet));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PrecautionCounty_LiftsOnlyWhenEverySealedAndControlledAreaHasLifted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        var county = await DesignateAsync(database, AreaUnitKind.Region, WebTestData.County, null, AreaLevel.Precaution, Day.AddDays(-30));

        // A precaution county that never had a sealed or controlled area has nothing that lifted.
        (await ProposeAsync(database, Day)).Proposed.ShouldBe(0);
        await DesignateAsync(database, AreaUnitKind.Compound, null, world.CompoundB, AreaLevel.Controlled, Day.AddDays(-30));

        (await ProposeAsync(database, Day)).Proposed.ShouldBe(0);

        // 松北小区 meets the criteria: its lift is proposed; the county waits until it is approved.
        await world.AddRoundAsync(WebTestData.OtherCommunity, Day.AddDays(-2), (CriteriaWorld.ResidentB1, TestResult.Negative));
        (await ProposeAsync(database, Day)).Proposed.ShouldBe(1);
        await using (var db = database.NewContext(CountyWorker()))
        {
            var lift = await db.AreaProposals.SingleAsync();
            lift.UnitId.ShouldBe(world.CompoundB);
            (await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(lift.Id, true, "符合解封条件", Body, Day))).IsSuccess.ShouldBeTrue();
        }

        (await ProposeAsync(database, Day)).Proposed.ShouldBe(1);
        await using var check = database.NewContext();
        var countyLift = await check.AreaProposals.SingleAsync(p => p.Status == ProposalStatus.Pending);
        (countyLift.DesignationId, countyLift.Rule, countyLift.ToLevel).ShouldBe((county, ProposalRule.CountyCleared, null));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NinthEdition_HighToMediumAfterSevenCleanDaysAndARoundOnDaySeven_MediumToLowAfterThreeMore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, July);
        await DesignateAsync(database, AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.HighRisk, July);
        await world.AddRoundAsync(WebTestData.Community, July.AddDays(6), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));

        // Day 7 without a round on day 7: nothing; the round of day 6 is too early.
        (await ProposeAsync(database, July.AddDays(7))).Proposed.ShouldBe(0);
        await world.AddRoundAsync(WebTestData.Community, July.AddDays(7), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));
        (await ProposeAsync(database, July.AddDays(6))).Proposed.ShouldBe(0);
        (await ProposeAsync(database, July.AddDays(7))).Proposed.ShouldBe(1);

        await using (var db = database.NewContext(CountyWorker()))
        {
            var proposal = await db.AreaProposals.SingleAsync(p => p.Status == ProposalStatus.Pending);
            (proposal.ToLevel, proposal.Rule).ShouldBe((AreaLevel.MediumRisk, ProposalRule.HighToMedium));
            (await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(proposal.Id, true, "同意", Body, July.AddDays(7)))).IsSuccess.ShouldBeTrue();
        }

        (await ProposeAsync(database, July.AddDays(9))).Proposed.ShouldBe(0);
        (await ProposeAsync(database, July.AddDays(10))).Proposed.ShouldBe(1);
        await using var check = database.NewContext();
        var low = await check.AreaProposals.SingleAsync(p => p.Status == ProposalStatus.Pending);
        (low.FromLevel, low.ToLevel, low.Rule).ShouldBe((AreaLevel.MediumRisk, null, ProposalRule.MediumToLow));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Designation_MustBelongToTheSchemeInForce_AndCountyWideLevelsOnlyOnCounties(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await using var db = database.NewContext();

        var ninth = await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Sealed, July, "阳性", Body));
        ninth.Error!.Field.ShouldBe("level");
        // The 8th edition, as Jilin applied it, allows the risk levels beside 三区 (issue 15, rule 6; BothAreaSchemesTests).
        var eighth = await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.HighRisk, Day, "阳性", Body));
        eighth.IsSuccess.ShouldBeTrue(eighth.Error?.Message);
        var compoundPrecaution = await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Precaution, Day, "防范", Body));
        compoundPrecaution.Error!.Field.ShouldBe("level");
        var noReason = await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Sealed, Day, " ", Body));
        noReason.Error!.Field.ShouldBe("reason");
        (await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.MediumRisk, July, "阳性", Body))).IsSuccess.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UserOfAnotherCounty_CannotSeeOrDecide_AndARejectionNeedsAReasonAndIsNotAskedAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day);
        (await ProposeAsync(database, Day)).Proposed.ShouldBe(1);
        long id;
        await using (var db = database.NewContext(new Jurisdiction("changyi", WebTestData.OtherCounty, false)))
        {
            id = (await database.NewContext().AreaProposals.SingleAsync()).Id;
            (await db.AreaProposals.CountAsync()).ShouldBe(0);
            var refused = await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(id, true, "同意", Body, Day));
            refused.Error!.Kind.ShouldBe(ErrorKind.NotFound);
            var wide = await ProposeAreaChanges.HandleAsync(db, TimeProvider.System, WebTestData.County, Day);
            wide.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        }

        await using (var db = database.NewContext(CountyWorker()))
        {
            var noReason = await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(id, false, "", null, Day));
            noReason.Error!.Field.ShouldBe("reason");
            var rejected = await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(id, false, "已按楼栋封控", null, Day));
            rejected.IsSuccess.ShouldBeTrue(rejected.Error?.Message);
            var again = await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(id, true, "同意", Body, Day));
            again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        }

        (await ProposeAsync(database, Day.AddDays(1))).Proposed.ShouldBe(0);
        await using (var check = database.NewContext())
        {
            (await check.AreaDesignations.CountAsync()).ShouldBe(0);
        }

        // A newer infection asks again.
        await world.AddCaseAsync(CriteriaWorld.ResidentA2, Day.AddDays(2));
        (await ProposeAsync(database, Day.AddDays(2))).Proposed.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Approval_AfterTheDesignationChanged_IsRefused_AndAProposalNoLongerDueIsSuperseded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await DesignateAsync(database, AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Controlled, Day.AddDays(-3));
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day);
        await ProposeAsync(database, Day);
        await DesignateAsync(database, AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Sealed, Day);

        await using (var db = database.NewContext(CountyWorker()))
        {
            var id = (await db.AreaProposals.SingleAsync()).Id;
            var stale = await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(id, true, "同意", Body, Day));
            stale.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        }

        (await ProposeAsync(database, Day)).Superseded.ShouldBe(1);
        await using var check = database.NewContext();
        (await check.AreaProposals.SingleAsync()).Status.ShouldBe(ProposalStatus.Superseded);
    }

    private static Jurisdiction CountyWorker() => new("county", WebTestData.County, false);

    private static async Task<long> DesignateAsync(TestDatabase database, AreaUnitKind kind, string? region, long? unitId, AreaLevel level, DateOnly on)
    {
        await using var db = database.NewContext();
        var created = await DesignateArea.HandleAsync(db, new DesignateArea.Command(kind, region, unitId, level, on, "测试划定", Body));
        created.IsSuccess.ShouldBeTrue(created.Error?.Message);
        return created.Value!.Id;
    }

    private static async Task<ProposeAreaChanges.Summary> ProposeAsync(TestDatabase database, DateOnly day)
    {
        await using var db = database.NewContext();
        var result = await ProposeAreaChanges.HandleAsync(db, TimeProvider.System, WebTestData.County, day);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value!;
    }
}
