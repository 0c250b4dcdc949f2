using System.Globalization;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>The one scan path at the sizes and in the races it meets: city files, tubes shared by two samplers, jurisdiction.</summary>
public sealed class ScanBatchTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SamplesFile_LargerThanSqlitesParameterLimit_IsRecordedWhole_TenToATube_AndAgainNothingTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        const int rows = 40_000;
        var lines = new List<string> { "tube_barcode,id_number,sampled_at,sampling_point" };
        for (var i = 0; i < rows; i++)
        {
            // Visitors, not registered here: "不落一人" records them by document.
            var birth = new DateOnly(1950, 1, 1).AddDays(i / 1000).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"BIG{i / 10:D6},{WebTestData.IdNumberFor(WebTestData.Community, birth, i % 1000)},2022-04-07T08:00:00+08:00,广场"));
        }

        var file = TempCsv.Write([.. lines]);
        await using (var db = database.NewContext())
        {
            var report = (await ImportSamples.HandleAsync(db, round, file)).Value!;
            report.Refused.ShouldBeEmpty();
            report.Recorded.ShouldBe(rows);
        }

        await using (var db = database.NewContext())
        {
            (await ImportSamples.HandleAsync(db, round, file)).Value!.AlreadyRecorded.ShouldBe(rows);
        }

        await using var check = database.NewContext();
        (await check.Samples.CountAsync()).ShouldBe(rows);
        (await check.Tubes.CountAsync(t => t.RoundId == round)).ShouldBe(rows / 10);
        (await check.Tubes.CountAsync(t => t.SampleCount != 10)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoSamplers_FillingOneTubeAtOnce_NeverOverfillIt_WhetherTheTubeIsNewOrOpen(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        var sampler = new Jurisdiction("sampler", WebTestData.Street, SeesFullIdentity: false);
        RecordScans.Scan Swab(string tube, int i) =>
            new($"{tube}-{i}", tube, WebTestData.IdNumberFor(WebTestData.Community, "19800101", i), At, "广场");

        async Task<IReadOnlyList<RecordScans.ScanResult>> SendAsync(string tube, int from, int count)
        {
            await using var db = database.NewContext(sampler);
            return (await RecordScans.HandleAsync(db, round, Enumerable.Range(from, count).Select(i => Swab(tube, i)).ToList())).Value!;
        }

        // A new tube: both batches would open it; one waits on the other's barcode and decides again.
        var fresh = (await Task.WhenAll(Task.Run(() => SendAsync("RACE-1", 0, 7)), Task.Run(() => SendAsync("RACE-1", 100, 7)))).SelectMany(a => a).ToList();

        // An open tube with one swab, held by a third writer while both batches start, so that they
        // meet: the second must read the fill the first leaves, not the one both saw at the start.
        await SendAsync("RACE-2", 500, 1);
        List<RecordScans.ScanResult> open;
        await using (var holder = database.NewContext())
        {
            await using var hold = await holder.Database.BeginTransactionAsync();
            await holder.Database.ExecuteSqlRawAsync("UPDATE tubes SET sample_count = sample_count WHERE barcode = 'RACE-2'");
            // On threads of their own: SQLite waits for its writer lock synchronously.
            var both = Task.WhenAll(Task.Run(() => SendAsync("RACE-2", 0, 6)), Task.Run(() => SendAsync("RACE-2", 100, 6)));
            await Task.Delay(500);
            await hold.CommitAsync();
            open = (await both).SelectMany(a => a).ToList();
        }

        fresh.Count(o => o.Outcome == RecordScans.Outcome.Recorded).ShouldBe(10);
        open.Count(o => o.Outcome == RecordScans.Outcome.Recorded).ShouldBe(9);
        fresh.Concat(open).Where(o => o.Outcome == RecordScans.Outcome.Refused).ShouldAllBe(o => o.Reason!.Contains("已满"));
        await using var check = database.NewContext();
        foreach (var tube in new[] { "RACE-1", "RACE-2" })
        {
            var id = (await check.Tubes.SingleAsync(t => t.Barcode == tube)).Id;
            (await check.Samples.CountAsync(s => s.TubeId == id)).ShouldBe(10);
            (await check.Tubes.SingleAsync(t => t.Barcode == tube)).SampleCount.ShouldBe(10);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scan_IntoATubeOpenedInAnotherCommunity_IsRefused_AndTheTubeKeepsItsMembers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        await using (var db = database.NewContext(new Jurisdiction("here", WebTestData.Community, SeesFullIdentity: false)))
        {
            (await RecordScans.HandleAsync(db, round, [new("h-1", "HOME-1", WebTestData.IdNumberFor(WebTestData.Community, "19800101", 1), At, "吉源广场")]))
                .Value![0].Outcome.ShouldBe(RecordScans.Outcome.Recorded);
        }

        await using (var db = database.NewContext(new Jurisdiction("there", WebTestData.OtherCommunity, SeesFullIdentity: false)))
        {
            var refused = (await RecordScans.HandleAsync(db, round, [new("t-1", "HOME-1", WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19800101", 2), At, "别处")])).Value![0];
            refused.Outcome.ShouldBe(RecordScans.Outcome.Refused);
            // Refused without saying that the tube exists elsewhere, nor how many swabs it holds.
            refused.Reason.ShouldBe(OutsideRecords.Refused("试管", "tube", "HOME-1"));
            refused.Reason!.ShouldNotContain("辖区");
            refused.TubeCount.ShouldBeNull();
            var elsewhere = (await RecordScans.HandleAsync(db, round, [new("t-2", "AWAY-1", WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19800101", 2), At, "别处", PointRegion: WebTestData.Community)])).Value![0];
            elsewhere.Reason!.ShouldContain("不在您的辖区内");
        }

        await using var check = database.NewContext();
        (await check.Tubes.SingleAsync(t => t.Barcode == "HOME-1")).SampleCount.ShouldBe(1);
        (await check.Tubes.AnyAsync(t => t.Barcode == "AWAY-1")).ShouldBeFalse();
    }

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        return (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("第二轮", WebTestData.County, 10, At, null))).Value!.Id;
    }
}
