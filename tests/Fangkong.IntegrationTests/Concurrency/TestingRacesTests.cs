using System.Net.Http.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Data.Concurrency;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// Ten identical requests at once for the writes of mass testing and case reporting (issue 12,
/// item 5): a tube's result, a round's exemption, a line-list import. Each answers the success or
/// 409, never 500, and the database holds exactly one effect.
/// </summary>
public sealed class TestingRacesTests
{
    private static readonly DateTimeOffset At = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
    private static readonly string Li = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TubeResult_SentTenTimesAtOnce_IsWrittenOnce_AndItsPoolTracedOnce(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var round = await RoundAsync(host.Database);
        await using (var sampler = host.Database.NewContext(new Jurisdiction("sampler", WebTestData.County, SeesFullIdentity: false)))
        {
            (await RecordScans.HandleAsync(sampler, round, [new("a", "P-1", Zhang, At, "点1"), new("b", "P-1", Li, At, "点1")])).IsSuccess.ShouldBeTrue();
        }

        using var lab = await host.ClientAsync("lab");
        var answers = await ParallelRepeat.SendAsync(() => lab.PostAsJsonAsync("/api/v1/testing/results", new
        {
            results = new[] { new { tubeBarcode = "P-1", result = "positive", ctN = 28.5, ctOrf = 29.1, reportedAt = At.AddHours(6), lab = "吉林市疾控中心" } },
        }));

        answers.ShouldBeOneSuccessOrConflicts();
        await using var check = host.Database.NewContext();
        var tube = await check.Tubes.SingleAsync(t => t.Barcode == "P-1");
        tube.Result.ShouldBe(TestResult.Positive);
        tube.TracedAt.ShouldNotBeNull();
        // The version counts the row's writes however many requests raced: the result once, the tracing once.
        check.Entry(tube).Property<long>(RowVersion.Property).CurrentValue.ShouldBe(2);
        // Both members put under control once each.
        (await check.ControlOrders.CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exemption_SentTenTimesAtOnce_IsStoredOnce(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var round = await RoundAsync(host.Database);
        using var county = await host.ClientAsync("county");

        var answers = await ParallelRepeat.SendAsync(() => county.PostAsJsonAsync(
            $"/api/v1/testing/rounds/{round}/exemptions", new { exemptions = new[] { new { idNumber = Li, reason = "quarantine", note = "集中隔离" } } }));

        answers.ShouldBeOneSuccessOrConflicts();
        await using var check = host.Database.NewContext();
        (await check.RoundExemptions.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CaseImport_SentTenTimesAtOnce_StoresEachCaseOnce(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var investigator = await host.ClientAsync("investigator");
        var csv = $"{LineListImportTests.Header}\nJL-9,张伟,{Zhang},{WebTestData.Community},confirmed,mild,2022-04-02,,,\nJL-10,李娜,{Li},{WebTestData.Community},asymptomatic,,2022-04-02,,,\n";

        var answers = await ParallelRepeat.SendAsync(async () =>
        {
            using var upload = new MultipartFormDataContent { { new StringContent(csv), "file", "list.csv" } };
            return await investigator.PostAsync("/api/v1/cases/import", upload);
        });

        answers.ShouldBeOneSuccessOrConflicts();
        await using var check = host.Database.NewContext();
        (await check.Cases.OrderBy(c => c.CaseNo).Select(c => c.CaseNo).ToListAsync()).ShouldBe(["JL-10", "JL-9"]);
    }

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        var created = await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("船营区第一轮", WebTestData.County, 10, At, null));
        created.IsSuccess.ShouldBeTrue(created.Error?.Message);
        return created.Value!.Id;
    }
}
