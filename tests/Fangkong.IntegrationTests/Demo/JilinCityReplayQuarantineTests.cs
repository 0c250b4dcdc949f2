using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo.Replay;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Demo;

/// <summary>
/// The replay's quarantine slice on early, small days: on 3/5, with the schedule's first sites
/// scaled down, the night's allocation leaves people waiting (人等床位); on 3/6, whose wave opens
/// at the city's size, everyone waiting is placed and rooms and beds stand free (床等人). Each
/// figure the replay reports is checked against the rows it wrote.
/// </summary>
public sealed class JilinCityReplayQuarantineTests
{
    private const int People = 3_000;
    private static readonly DateOnly March5 = new(2022, 3, 5);
    private static readonly DateOnly March6 = new(2022, 3, 6);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoomsRunShort_ThenANewWaveOpens_AndEveryoneWaitingIsPlaced(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        ReplayQuarantine.Outcome first, second;
        await using (var db = database.NewContext())
        {
            // 2 % of the 3/1 wave: 8 hotel rooms and 2 designated beds, no shelter hospital yet.
            var report = await JilinCityReplay.RunAsync(db, new JilinCityReplay.Options(March5, March5, People, JilinCityReplay.DefaultSeed, Capacity: 0.02));
            first = report.Days.Single().Quarantine!;
        }

        await using (var check = database.NewContext())
        {
            var cases = await check.Cases.CountAsync(c => c.ReportedOn == March5);
            var contacts = await check.Contacts.CountAsync(c => c.IdentifiedOn == March5 && c.Kind == ContactKind.Close);
            cases.ShouldBeGreaterThan(0);
            first.SitesOpened.ShouldBe(await check.QuarantineSites.CountAsync());
            first.SpacesOpened.ShouldBe(10);
            first.Waiting.ShouldBe(cases + contacts);
            first.Placed.ShouldBe(await check.Placements.CountAsync());
            first.Unplaced.ShouldBe(first.Waiting - first.Placed);
            first.PeopleWait.ShouldBeTrue();
            first.SpacesWait.ShouldBeFalse();
            first.FreeRooms.ShouldBe(0);
            first.Summary.ShouldContain("无方舱床位");
            (await check.Placements.CountAsync(p => p.CaseId != null)).ShouldBeLessThanOrEqualTo(2);
        }

        await using (var db = database.NewContext())
        {
            // 3/6 at the city's size: the 3/1 sites exist already (same names), the 3/6 wave opens 2,000 spaces.
            var report = await JilinCityReplay.RunAsync(db, new JilinCityReplay.Options(March6, March6, People, JilinCityReplay.DefaultSeed));
            second = report.Days.Single().Quarantine!;
        }

        await using (var check = database.NewContext())
        {
            var cases = await check.Cases.CountAsync(c => c.ReportedOn == March6);
            var contacts = await check.Contacts.CountAsync(c => c.IdentifiedOn == March6 && c.Kind == ContactKind.Close);
            // A 3/5 contact left waiting who turned positive on 3/6 waits once, as the case.
            var placedContacts = await check.Placements.Where(p => p.ContactId != null).Select(p => p.ContactId!.Value).ToListAsync();
            var waitedAsContacts = await check.Contacts.Where(c => c.IdentifiedOn == March5 && !placedContacts.Contains(c.Id)).Select(c => c.IdNumber).ToListAsync();
            var nowCases = await check.Cases.CountAsync(c => c.ReportedOn == March6 && waitedAsContacts.Contains(c.IdNumber));
            second.SpacesOpened.ShouldBe(2_000);
            second.Waiting.ShouldBe(first.Unplaced + cases + contacts - nowCases);
            second.Unplaced.ShouldBe(0);
            second.Placed.ShouldBe(second.Waiting);
            (await check.Placements.CountAsync()).ShouldBe(first.Placed + second.Placed);
            second.PeopleWait.ShouldBeFalse();
            second.SpacesWait.ShouldBeTrue();

            var rooms = await check.QuarantineRooms.CountAsync();
            var beds = await check.HospitalBeds.CountAsync();
            var occupied = await check.Placements.CountAsync(p => p.State == PlacementState.Placed);
            (second.FreeRooms + second.FreeBeds).ShouldBe(rooms + beds - occupied);
        }
    }
}
