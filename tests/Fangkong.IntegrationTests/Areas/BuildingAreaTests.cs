using Fangkong.Areas;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Residences;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Areas;

/// <summary>A building designated on its own is judged on its compound's facts and counted on the public page.</summary>
public sealed class BuildingAreaTests
{
    private static readonly DateOnly Day = CriteriaWorld.Day;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SealedBuilding_LiftsWhenItsCompoundMeetsTheCriteria_AndThePublicSeesOneBuildingDesignated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        long building;
        await using (var db = database.NewContext())
        {
            var compound = await db.Compounds.SingleAsync(c => c.Id == world.CompoundA);
            var b = new Building(compound, "3号楼");
            db.Buildings.Add(b);
            await db.SaveChangesAsync();
            building = b.Id;
            var sealedBuilding = await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Building, null, building, AreaLevel.Sealed, Day.AddDays(-20), "楼内阳性", "船营区疫情防控指挥部"));
            sealedBuilding.IsSuccess.ShouldBeTrue(sealedBuilding.Error?.Message);
            sealedBuilding.Value!.UnitName.ShouldBe("吉源小区 3号楼");
        }

        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-15));
        await using (var db = database.NewContext())
        {
            var places = (await PublicAreaStatus.SearchAsync(db, "吉源小区", Day)).Value!;
            var place = places.Single(p => p.IsCompound);
            (place.Level, place.SealedBuildings).ShouldBe((null, 1));
            (await ProposeAreaChanges.HandleAsync(db, TimeProvider.System, WebTestData.County, Day)).Value!.Proposed.ShouldBe(0);
        }

        await world.AddRoundAsync(WebTestData.Community, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));
        await using var check = database.NewContext();
        (await ProposeAreaChanges.HandleAsync(check, TimeProvider.System, WebTestData.County, Day)).Value!.Proposed.ShouldBe(1);
        var proposal = await check.AreaProposals.SingleAsync();
        (proposal.UnitKind, proposal.UnitId, proposal.ToLevel, proposal.Rule).ShouldBe((AreaUnitKind.Building, (long?)building, (AreaLevel?)null, ProposalRule.LiftingCriteriaMet));
    }
}
