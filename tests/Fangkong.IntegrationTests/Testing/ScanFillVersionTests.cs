using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Data.Concurrency;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// The scan path fills open tubes with its own SQL (<see cref="TubeFill"/>), not through an EF
/// save: it must raise the tube's concurrency token as a save does, or a save from a copy of the
/// tube read before the fill would still match and write over the fill unseen.
/// </summary>
public sealed class ScanFillVersionTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.Street, SeesFullIdentity: false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Fill_OfAnOpenTube_RaisesItsVersion(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        await RecordAsync(database, round, new RecordScans.Scan("first", "VER-1", Person(1), At, "吉源广场"));
        var opened = await VersionOfAsync(database, "VER-1");

        await RecordAsync(database, round, new RecordScans.Scan("second", "VER-1", Person(2), At.AddMinutes(1), "吉源广场"));

        (await VersionOfAsync(database, "VER-1")).ShouldBe(opened + 1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_OfATubeReadBeforeAScanFilledIt_IsAConflict_AndTheFillStays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        await RecordAsync(database, round, new RecordScans.Scan("first", "VER-2", Person(1), At, "吉源广场"));

        // The lab reads the tube (one swab), a second swab joins it, then the lab saves its result.
        await using var lab = database.NewContext();
        var tube = await lab.Tubes.SingleAsync(t => t.Barcode == "VER-2");
        var results = await RecordAsync(database, round, new RecordScans.Scan("second", "VER-2", Person(2), At.AddMinutes(1), "吉源广场"));
        results.Single().Outcome.ShouldBe(RecordScans.Outcome.Recorded);
        tube.SetResult(TestResult.Negative, null, null, "吉林市疾控中心", At.AddHours(6), At.AddHours(6));

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => lab.SaveChangesAsync());

        await using var check = database.NewContext();
        var stored = await check.Tubes.AsNoTracking().SingleAsync(t => t.Barcode == "VER-2");
        stored.SampleCount.ShouldBe(2);
        stored.Result.ShouldBeNull();
    }

    private static async Task<long> VersionOfAsync(TestDatabase database, string barcode)
    {
        await using var db = database.NewContext();
        return await db.Tubes.AsNoTracking().Where(t => t.Barcode == barcode).Select(t => EF.Property<long>(t, RowVersion.Property)).SingleAsync();
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
