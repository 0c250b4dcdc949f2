using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine.Capacity;
using static Fangkong.IntegrationTests.Quarantine.QuarantineWorld;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>
/// Issue 16, item 13: a county worker's "吉林市" block counted only the county's sites and waiting
/// people and warned of a shortage the command centre's block for the same city did not show.
/// </summary>
public sealed class CityCapacityTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CountyWorker_AndCommandCentre_SeeTheSameFiguresForTheCity_WhileTheSitesListStaysTheCountys(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "船营酒店", region: "220204", perFloor: 1);
            await SiteAsync(db, "昌邑酒店", region: "220202", perFloor: 3);
            // Two close contacts of 船营区 wait for a room: more than 船营区's one room, fewer than the city's four.
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync());
            await world.ContactAsync(await world.PersonAsync());
        }

        await using var county = database.NewContext(new Jurisdiction("county", "220204", false));
        await using var centre = database.NewContext(new Jurisdiction("centre", "2202", false));

        var countyView = await ForecastCapacity.HandleAsync(county, AllocationWorld.Clock);
        var centreView = await ForecastCapacity.HandleAsync(centre, AllocationWorld.Clock);

        var seenByCounty = countyView.Cities.ShouldHaveSingleItem();
        var seenByCentre = centreView.Cities.ShouldHaveSingleItem();
        (seenByCounty.Rooms, seenByCounty.FreeRooms, seenByCounty.WaitingForRooms).ShouldBe((4, 4, 2));
        seenByCounty.Forecast.PeopleWaitForRooms.ShouldBeFalse();
        JsonSerializer.Serialize(seenByCounty).ShouldBe(JsonSerializer.Serialize(seenByCentre));
        countyView.Sites.ShouldHaveSingleItem().Name.ShouldBe("船营酒店");
        centreView.Sites.Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AWorkerOfAnotherCity_SeesNoBlockOfThisCity(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "船营酒店", region: "220204", perFloor: 1);
        }

        await using var changchun = database.NewContext(new Jurisdiction("nanguan", "220102", false));

        var view = await ForecastCapacity.HandleAsync(changchun, AllocationWorld.Clock);

        view.Cities.ShouldBeEmpty();
        view.Sites.ShouldBeEmpty();
    }
}
