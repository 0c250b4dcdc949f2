using Fangkong.Access;
using Fangkong.Cases.Investigation;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.IntegrationTests.Cases.Investigation;

/// <summary>
/// Issue 16, item 3: an itinerary stop's place by its name (a registered one, a new one registered
/// there, or words), never a typed id; many candidates confirmed at once, all or none.
/// </summary>
public sealed class InvestigatorDeadEndTests
{
    private static readonly DateOnly Reported = new(2022, 4, 2);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task StopPlace_ByLabelOrName_IsTheRegisteredPlace_ANewNameWithAKindIsRegistered_OtherWordsStayWords(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, Reported);
        await using var db = database.NewContext(new Jurisdiction("investigator", WebTestData.County, true));

        (await StopPlace.ResolveAsync(db, $"东市场 ({world.PlaceId})", null, WebTestData.Community)).Value.ShouldBe(new StopPlace.Resolved(world.PlaceId, null));
        (await StopPlace.ResolveAsync(db, "东市场", null, WebTestData.Community)).Value.ShouldBe(new StopPlace.Resolved(world.PlaceId, null));
        (await StopPlace.ResolveAsync(db, "吉源路口水果摊", null, WebTestData.Community)).Value.ShouldBe(new StopPlace.Resolved(null, "吉源路口水果摊"));
        (await StopPlace.ResolveAsync(db, "和平饭店", "NoSuchKind", WebTestData.Community)).Error!.Field.ShouldBe("newPlaceKind");

        var registered = await StopPlace.ResolveAsync(db, "和平饭店", "Hotel", WebTestData.Community);

        registered.IsSuccess.ShouldBeTrue(registered.Error?.Message);
        await using var check = database.NewContext();
        var place = await check.Places.SingleAsync(p => p.Name == "和平饭店");
        (place.Id, place.Kind, place.RegionCode).ShouldBe((registered.Value!.PlaceId!.Value, PlaceKind.Hotel, WebTestData.Community));
        (await StopPlace.ResolveAsync(db, "和平饭店", null, WebTestData.Community)).Value!.PlaceId.ShouldBe(place.Id);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RegisterPlace_OutsideTheJurisdiction_IsRefused_AndNothingIsRegistered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await W.SeedAsync(database, Reported);
        await using var changyi = database.NewContext(new Jurisdiction("changyi", WebTestData.OtherCounty, true));

        var refused = await RegisterPlace.HandleAsync(changyi, new RegisterPlace.Command("和平饭店", "Hotel", WebTestData.Community, null));

        refused.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await StopPlace.ResolveAsync(changyi, "和平饭店", "Hotel", WebTestData.Community)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        await using var check = database.NewContext();
        (await check.Places.CountAsync(p => p.Name == "和平饭店")).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConfirmCandidates_Many_AreConfirmedAtOnce_OneThatCannotBe_StopsThemAll(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, Reported);
        await using var db = database.NewContext();
        var candidates = await world.CandidatesAsync(db);
        candidates.Count.ShouldBeGreaterThanOrEqualTo(3);
        var (first, second, third) = (candidates[0].Id, candidates[1].Id, candidates[2].Id);
        (await ConfirmCandidates.HandleAsync(db, world.CaseId, [], DateTimeOffset.UtcNow)).Error!.Field.ShouldBe("candidateIds");
        (await DecideCandidate.DismissAsync(db, world.CaseId, third, "同名误报", DateTimeOffset.UtcNow)).IsSuccess.ShouldBeTrue();

        await using (var refusedDb = database.NewContext())
        {
            var refused = await ConfirmCandidates.HandleAsync(refusedDb, world.CaseId, [first, third], DateTimeOffset.UtcNow);
            refused.IsSuccess.ShouldBeFalse();
        }

        await using (var check = database.NewContext())
        {
            (await check.Contacts.CountAsync()).ShouldBe(0);
            (await check.ContactCandidates.CountAsync(c => c.Status == CandidateStatus.Confirmed)).ShouldBe(0);
        }

        await using var again = database.NewContext();
        var confirmed = await ConfirmCandidates.HandleAsync(again, world.CaseId, [first, second], DateTimeOffset.UtcNow);

        confirmed.IsSuccess.ShouldBeTrue(confirmed.Error?.Message);
        confirmed.Value!.Select(c => c.Status).ShouldAllBe(s => s == CandidateStatus.Confirmed);
        await using var after = database.NewContext();
        (await after.Contacts.CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConfirmCandidates_ByAnotherCountysInvestigator_FindsNoCase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, Reported);
        long id;
        await using (var db = database.NewContext())
        {
            id = (await world.CandidatesAsync(db))[0].Id;
        }

        await using var changyi = database.NewContext(new Jurisdiction("changyi", WebTestData.OtherCounty, true));

        var refused = await ConfirmCandidates.HandleAsync(changyi, world.CaseId, [id], DateTimeOffset.UtcNow);

        refused.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await using var check = database.NewContext();
        (await check.Contacts.CountAsync()).ShouldBe(0);
    }
}
