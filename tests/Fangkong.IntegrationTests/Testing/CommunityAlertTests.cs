using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>A positive pool or an invalid tube alerts each community with residents in it, once, and each community acknowledges its own.</summary>
public sealed class CommunityAlertTests
{
    private static readonly DateTimeOffset At = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.Street, SeesFullIdentity: false);
    private static readonly Jurisdiction Jiyuan = new("jiyuan", WebTestData.Community, SeesFullIdentity: false);

    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    private static string Wang => WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositivePool_AlertsEachCommunityWithItsCount_InvalidTubeAsksToResample_AndEachAcknowledgesOnlyItsOwn(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        long round;
        await using (var county = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false)))
        {
            round = (await CreateRound.HandleAsync(county, TimeProvider.System, new CreateRound.Command("第一轮", WebTestData.County, 10, At, null))).Value!.Id;
        }

        await using (var db = database.NewContext(Sampler))
        {
            await RecordScans.HandleAsync(db, round, [new("a", "P-1", Zhang, At, "点1"), new("b", "P-1", Li, At, "点1"), new("c", "P-1", Wang, At, "点1"), new("d", "V-1", Zhang, At, "点1")]);
        }

        var tubes = await ResultsAsync(database, new RecordResults.Row(1, "P-1", "positive", 28, 29, null, "吉林市疾控中心"), new RecordResults.Row(2, "V-1", "invalid", null, null, null, "吉林市疾控中心"));
        await using (var system = database.NewContext())
        {
            // The sweep runs over the same tubes again: nothing is alerted twice.
            await TracePools.HandleAsync(system, TimeProvider.System, tubes);
            var alerts = await system.CommunityAlerts.OrderBy(a => a.TubeId).ThenBy(a => a.RegionCode).Select(a => new { a.RegionCode, a.Kind, a.People }).ToListAsync();
            alerts.ShouldBe([
                new { RegionCode = WebTestData.Community, Kind = AlertKind.PositivePool, People = 2 },
                new { RegionCode = WebTestData.OtherCommunity, Kind = AlertKind.PositivePool, People = 1 },
                new { RegionCode = WebTestData.Community, Kind = AlertKind.Resample, People = 1 },
            ]);
        }

        await using var jiyuan = database.NewContext(Jiyuan);
        var seen = await ListCommunityAlerts.HandleAsync(jiyuan, null, null);
        seen.Open.ShouldBe(2);
        seen.Alerts.Items.ShouldAllBe(a => a.RegionCode == WebTestData.Community);
        seen.Alerts.Items.Select(a => a.TubeBarcode).ShouldBe(["P-1", "V-1"], ignoreOrder: true);
        var first = seen.Alerts.Items[0].Id;
        (await AcknowledgeAlert.HandleAsync(jiyuan, TimeProvider.System, first)).Value.ShouldBeTrue();
        (await AcknowledgeAlert.HandleAsync(jiyuan, TimeProvider.System, first)).Value.ShouldBeFalse();
        (await ListCommunityAlerts.HandleAsync(jiyuan, null, null)).Open.ShouldBe(1);

        await using var system2 = database.NewContext();
        var songbei = await system2.CommunityAlerts.Where(a => a.RegionCode == WebTestData.OtherCommunity).Select(a => a.Id).SingleAsync();
        (await AcknowledgeAlert.HandleAsync(jiyuan, TimeProvider.System, songbei)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await system2.CommunityAlerts.SingleAsync(a => a.Id == first)).AcknowledgedBy.ShouldBe("jiyuan");
    }

    private static async Task<IReadOnlyList<long>> ResultsAsync(TestDatabase database, params RecordResults.Row[] rows)
    {
        await using var lab = database.NewContext(new Jurisdiction("lab", "2202", SeesFullIdentity: false));
        var recorded = await RecordResults.HandleAsync(lab, TimeProvider.System, rows);
        recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
        recorded.Value!.Tracing.Tubes.ShouldBe(recorded.Value.TubesToTrace.Count);
        return recorded.Value.TubesToTrace;
    }
}
