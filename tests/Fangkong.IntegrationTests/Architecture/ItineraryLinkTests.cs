using Fangkong.Cases;
using Fangkong.Cases.Clusters;
using Fangkong.Cases.Investigation;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.IntegrationTests.Architecture;

/// <summary>
/// "Itinerary recorded" is a domain event whose handler writes the cluster links ADR 0012 promised,
/// in the same SaveChanges as the itinerary (ADR 0024).
/// </summary>
public sealed class ItineraryLinkTests
{
    private static readonly DateTimeOffset Now = new(2022, 4, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset At = new(2022, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AStopAtAKeyPlace_BecomesOneLinkPerDay_AndARecordedAgainItineraryReplacesThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (caseId, market, shop) = await OpenCaseAsync(db);
        (await RecordCaseLink.HandleAsync(db, new RecordCaseLink.Command("C-1", shop.Id, null, new DateOnly(2022, 3, 30), "investigation"))).IsSuccess.ShouldBeTrue();
        (await RecordCaseLink.HandleAsync(db, new RecordCaseLink.Command("C-1", shop.Id, null, new DateOnly(2022, 3, 30), "itinerary"))).Error!.Field.ShouldBe("source");

        var first = await UpdateItinerary.HandleAsync(db, caseId, new UpdateItinerary.Command(
            [new(At, At.AddDays(1), market.Id, null, null, "摊主"), new(At.AddDays(1), At.AddDays(1).AddHours(1), null, null, "公交 3 路", null)], null, null), Now);
        first.IsSuccess.ShouldBeTrue(first.Error?.Message);
        (await LinksAsync(database, caseId)).ShouldBe(
            [("P:" + market.Id, new DateOnly(2022, 4, 1), LinkSource.Itinerary), ("P:" + market.Id, new DateOnly(2022, 4, 2), LinkSource.Itinerary), ("P:" + shop.Id, new DateOnly(2022, 3, 30), LinkSource.Investigation)],
            ignoreOrder: true);

        var second = await UpdateItinerary.HandleAsync(db, caseId, new UpdateItinerary.Command([new(At, At.AddHours(1), shop.Id, null, null, null)], null, null), Now);
        second.IsSuccess.ShouldBeTrue(second.Error?.Message);
        (await LinksAsync(database, caseId)).ShouldBe(
            [("P:" + shop.Id, new DateOnly(2022, 4, 1), LinkSource.Itinerary), ("P:" + shop.Id, new DateOnly(2022, 3, 30), LinkSource.Investigation)],
            ignoreOrder: true);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARefusedItinerary_WritesNoLink(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var (caseId, market, _) = await OpenCaseAsync(db);

        var refused = await UpdateItinerary.HandleAsync(db, caseId, new UpdateItinerary.Command(
            [new(At, At.AddHours(1), market.Id, null, null, null), new(At, At.AddHours(1), 999_999, null, null, null)], null, null), Now);

        refused.IsSuccess.ShouldBeFalse();
        (await LinksAsync(database, caseId)).ShouldBeEmpty();
    }

    [Fact]
    public void TheItineraryEvent_HasTheClusterLinkHandler()
    {
        DomainEvents.HandlersOf<ItineraryRecorded>().Select(h => h.GetType()).ShouldBe([typeof(LinkItineraryPlaces)]);
    }

    private static async Task<(long CaseId, Place Market, Place Shop)> OpenCaseAsync(FangkongDbContext db)
    {
        await W.EnsureRegionsAsync(db);
        var market = new Place("东市场", PlaceKind.Market, WebTestData.Community);
        var shop = new Place("北超市", PlaceKind.Supermarket, WebTestData.Community);
        db.Places.AddRange(market, shop);
        await db.SaveChangesAsync();
        var lines = new[] { $"C-1,病例甲,{W.Id(60)},{WebTestData.Community},asymptomatic,,2022-04-02,,," }.Prepend(LineListImportTests.Header).ToArray();
        (await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(lines))).IsSuccess.ShouldBeTrue();
        var caseId = await db.Cases.Select(c => c.Id).SingleAsync();
        (await OpenInvestigation.HandleAsync(db, caseId, Now)).IsSuccess.ShouldBeTrue();
        return (caseId, market, shop);
    }

    private static async Task<List<(string, DateOnly, LinkSource)>> LinksAsync(TestDatabase database, long caseId)
    {
        await using var db = database.NewContext();
        return (await db.CaseLinks.AsNoTracking().Where(l => l.CaseId == caseId).ToListAsync())
            .Select(l => (l.TargetKey, l.On, l.Source)).ToList();
    }
}
