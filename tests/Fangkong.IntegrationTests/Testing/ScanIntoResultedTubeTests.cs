using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// A swab never joins a tube that has a result (issue 12 item 3): refused when the result is
/// already there as the batch reads the tube, and, should the result be written after that read,
/// the tube's fill is not written either (<see cref="TubeFill"/>): the batch is rolled back whole.
/// </summary>
public sealed class ScanIntoResultedTubeTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.Street, SeesFullIdentity: false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scan_IntoATubeWithAResult_IsRefused_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        await RecordAsync(database, round, new RecordScans.Scan("first", "RES-1", Person(1), At, "吉源广场"));
        await SetResultAsync(database, "RES-1");

        var results = await RecordAsync(database, round, new RecordScans.Scan("late", "RES-1", Person(2), At.AddMinutes(5), "吉源广场"));

        results.Single().Outcome.ShouldBe(RecordScans.Outcome.Refused);
        results.Single().Reason.ShouldBe(ScanRefusals.HasResult("RES-1"));
        await ShouldHoldOneSwabAsync(database, round);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Fill_OfATubeWhoseResultCameAfterTheBatchReadIt_IsNotWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        await RecordAsync(database, round, new RecordScans.Scan("first", "RES-2", Person(1), At, "吉源广场"));
        Tube asRead;
        await using (var reader = database.NewContext())
        {
            asRead = await reader.Tubes.AsNoTracking().SingleAsync(t => t.Barcode == "RES-2");
        }

        // The lab's result lands between the batch's read and its write.
        await SetResultAsync(database, "RES-2");
        asRead.AddSample();
        await using (var db = database.NewContext(Sampler))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var row = new SampleWriter.Row("late", asRead, null, Person(2), null, At.AddMinutes(5).ToUniversalTime());
            await Should.ThrowAsync<TubeFill.ResultArrivedException>(() => SampleWriter.WriteAsync(db, round, "sampler", [], [asRead], [row], CancellationToken.None));
        }

        await ShouldHoldOneSwabAsync(database, round);
    }

    private static async Task ShouldHoldOneSwabAsync(TestDatabase database, long round)
    {
        await using var check = database.NewContext();
        (await check.Samples.Where(s => s.RoundId == round).Select(s => s.ClientId).ToListAsync()).ShouldBe(["first"]);
        (await check.Tubes.SingleAsync()).SampleCount.ShouldBe(1);
    }

    private static async Task SetResultAsync(TestDatabase database, string barcode)
    {
        await using var lab = database.NewContext();
        var tube = await lab.Tubes.SingleAsync(t => t.Barcode == barcode);
        tube.SetResult(TestResult.Negative, null, null, "吉林市疾控中心", At.AddHours(6), At.AddHours(6));
        await lab.SaveChangesAsync();
    }

    private static async Task<IReadOnlyList<RecordScans.ScanResult>> RecordAsync(TestDatabase database, long round, RecordScans.Scan scan)
    {
        await using var db = database.NewContext(Sampler);
        return (await RecordScans.HandleAsync(db, round, [scan])).Value!;
    }

    private static string Person(int i) => WebTestData.IdNumberFor(WebTestData.Community, "19800101", i);

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        return (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("第三轮", WebTestData.County, 10, At, null))).Value!.Id;
    }
}
