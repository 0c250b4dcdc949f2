using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>A positive single tube is handed from testing to case reporting, which makes a case of it once.</summary>
public sealed class PositiveHandoffTests
{
    private static readonly DateTimeOffset At = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.Street, SeesFullIdentity: false);
    private static readonly Jurisdiction Investigator = new("investigator", WebTestData.County, SeesFullIdentity: true);

    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    private static string Liu => WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositiveRetest_WaitsForAReport_BecomesOneCase_AndASecondReportIsTheSameCase(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await PositivePoolRetestedAsync(database);

        await using (var db = database.NewContext(Investigator))
        {
            var pending = await ListPendingPositives.HandleAsync(db, TimeProvider.System, null, null);
            pending.Items.Select(p => (p.IdNumber, p.Source)).ShouldBe([(Zhang, nameof(PositiveSource.PoolRetest))]);

            var id = pending.Items[0].Id;
            (await ReportPositive.HandleAsync(db, TimeProvider.System, new ReportPositive.Command(id, "asymptomatic", "mild", null, null))).Error!.Field.ShouldBe("severity");
            (await ReportPositive.HandleAsync(db, TimeProvider.System, new ReportPositive.Command(id, "probable", null, null, null))).Error!.Field.ShouldBe("type");

            var made = (await ReportPositive.HandleAsync(db, TimeProvider.System, new ReportPositive.Command(id, "confirmed", "mild", "JL-0320-1", new DateOnly(2022, 3, 20)))).Value!;
            made.CaseNo.ShouldBe("JL-0320-1");
            var again = await ReportPositive.HandleAsync(db, TimeProvider.System, new ReportPositive.Command(id, "confirmed", "mild", null, null));
            again.Value!.CaseNo.ShouldBe("JL-0320-1");
            (await ReportPositive.HandleAsync(db, TimeProvider.System, new ReportPositive.Command(id, "confirmed", "mild", "JL-OTHER", null))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
            (await ListPendingPositives.HandleAsync(db, TimeProvider.System, null, null)).TotalCount.ShouldBe(0);
        }

        await using var check = database.NewContext();
        var made1 = await check.Cases.SingleAsync();
        made1.Source.ShouldBe(CaseSource.PositiveRetest);
        made1.Type.ShouldBe(CaseType.Confirmed);
        made1.IdNumber.ShouldBe(Zhang);
        made1.RegionCode.ShouldBe(WebTestData.Community);
        made1.PersonId.ShouldBe(await check.Persons.Where(p => p.DocumentNumber == Zhang).Select(p => (long?)p.Id).SingleAsync());
        var positive = await check.PositivePersons.SingleAsync();
        positive.CaseNo.ShouldBe("JL-0320-1");
        positive.ReportedAt.ShouldNotBeNull();

        // Reporting raised CasesReported: social-level zero classified the case, once (the second report is the same case).
        (await check.CaseClassifications.Select(c => c.CaseNo).ToListAsync()).ShouldBe(["JL-0320-1"]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositiveSingleTube_IsASingleTubeSource_AndOutsideTheJurisdictionIsNotFound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        await using (var db = database.NewContext(Sampler))
        {
            // A visitor from 昌邑区 swabbed alone in 船营区.
            await RecordScans.HandleAsync(db, round, [new("s1", "S-9", Liu, At, "点1", 1)]);
        }

        await ResultAsync(database, new RecordResults.Row(1, "S-9", "positive", 25, 26, null, "吉林市疾控中心"));

        await using (var check = database.NewContext())
        {
            var positive = await check.PositivePersons.SingleAsync();
            positive.Source.ShouldBe(PositiveSource.SingleTube);
            positive.RegionCode.ShouldBe(WebTestData.OtherCountyCommunity);
        }

        await using var chuanying = database.NewContext(Investigator);
        (await ListPendingPositives.HandleAsync(chuanying, TimeProvider.System, null, null)).TotalCount.ShouldBe(0);
        await using var system = database.NewContext();
        var id = (await system.PositivePersons.SingleAsync()).Id;
        (await ReportPositive.HandleAsync(chuanying, TimeProvider.System, new ReportPositive.Command(id, "asymptomatic", null, null, null))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_ListsThePendingMasked_RefusesACommunityWorker_AndTheInvestigatorReports(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PositivePoolRetestedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var community = await host.ClientAsync("community");
        using var investigator = await host.ClientAsync("investigator");

        var listed = await county.GetFromJsonAsync<JsonElement>("/api/v1/cases/pending-positives");
        var item = listed.GetProperty("items")[0];
        item.GetProperty("idNumber").GetString().ShouldBe($"{Zhang[..6]}********{Zhang[14..17]}*");
        var body = new { positiveId = item.GetProperty("id").GetInt64(), type = "asymptomatic" };
        (await community.PostAsJsonAsync("/api/v1/cases/from-positive", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var reported = await investigator.PostAsJsonAsync("/api/v1/cases/from-positive", body);
        reported.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString().ShouldBe("asymptomatic");
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/cases/pending-positives")).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    /// <summary>张伟 and 李娜 in a positive pool; 张伟's single-tube re-test is positive, 李娜's negative.</summary>
    internal static async Task PositivePoolRetestedAsync(TestDatabase database)
    {
        var round = await RoundAsync(database);
        await using (var db = database.NewContext(Sampler))
        {
            await RecordScans.HandleAsync(db, round, [new("a", "P-1", Zhang, At, "点1"), new("b", "P-1", Li, At, "点1")]);
        }

        await ResultAsync(database, new RecordResults.Row(1, "P-1", "positive", 28, 29, null, "吉林市疾控中心"));
        await using (var db = database.NewContext(Sampler))
        {
            await RecordScans.HandleAsync(db, round, [new("c", "R-1", Zhang, At.AddHours(7), "点1", 1), new("d", "R-2", Li, At.AddHours(7), "点1", 1)]);
        }

        await ResultAsync(database, new RecordResults.Row(1, "R-1", "positive", 24, 25, null, "吉林市疾控中心"), new RecordResults.Row(2, "R-2", "negative", null, null, null, "吉林市疾控中心"));
    }

    private static async Task ResultAsync(TestDatabase database, params RecordResults.Row[] rows)
    {
        await using var lab = database.NewContext(new Jurisdiction("lab", "2202", SeesFullIdentity: false));
        var recorded = await RecordResults.HandleAsync(lab, TimeProvider.System, rows);
        recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
        recorded.Value!.TracingDeferred.ShouldBeFalse();
    }

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        return (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("船营区第一轮", WebTestData.County, 10, At, null))).Value!.Id;
    }
}
