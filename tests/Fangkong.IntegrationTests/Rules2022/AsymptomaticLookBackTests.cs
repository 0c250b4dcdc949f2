using System.Globalization;
using Fangkong.Cases;
using Fangkong.Cases.Investigation;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases.Investigation;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 2 of issue 15: the contact look-back of an asymptomatic infection starts from the sampling
/// date of its positive sample, not from its report date (8th edition: 2 days before sampling).
/// </summary>
public sealed class AsymptomaticLookBackTests
{
    private static readonly DateOnly Reported = new(2022, 3, 20);

    /// <summary>The positive pool was sampled three days before the report.</summary>
    private static readonly DateOnly Sampled = Reported.AddDays(-3);

    private static readonly string Case = InvestigationWorld.Id(31);

    /// <summary>Shared a tube with the case at the first instant of the window (sampling day − 2, 00:00).</summary>
    private static readonly string Inside = InvestigationWorld.Id(32);

    /// <summary>Shared a tube with the case one minute before the window.</summary>
    private static readonly string Outside = InvestigationWorld.Id(33);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LookBack_CountsTwoDaysFromThePositiveSampling_SoATubeOfSamplingMinusTwoIsProposed_AndOneMinuteEarlierIsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var caseId = await SeedAsync(database);
        await using var db = database.NewContext();

        var opened = (await OpenInvestigation.HandleAsync(db, caseId, DateTimeOffset.UtcNow)).Value!;
        var candidates = (await ListCandidates.HandleAsync(db, caseId, null, CandidateSettings.Default, DateTimeOffset.UtcNow)).Value!;

        opened.SampledOn.ShouldBe(Sampled);
        var found = await db.Cases.AsNoTracking().SingleAsync();
        LookBack.For(opened, found).From.ShouldBe(ChinaTime.StartOf(Sampled.AddDays(-2)));
        var ids = candidates.Select(c => c.IdNumber).ToList();
        // Counted from the report (3/20) the window would start on 3/18, and neither would be proposed.
        ids.ShouldContain(Inside);
        ids.ShouldNotContain(Outside);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SamplingDate_AfterTheReport_IsRefusedNamingTheField_AndAnEarlierOneMovesTheWindow(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var caseId = await SeedAsync(database);
        await using var db = database.NewContext();
        await OpenInvestigation.HandleAsync(db, caseId, DateTimeOffset.UtcNow);

        var late = await UpdateItinerary.HandleAsync(db, caseId, new UpdateItinerary.Command([], null, null, Reported.AddDays(1)), DateTimeOffset.UtcNow);
        late.Error!.Field.ShouldBe("sampledOn");
        var onReport = await UpdateItinerary.HandleAsync(db, caseId, new UpdateItinerary.Command([], null, null, Reported), DateTimeOffset.UtcNow);
        onReport.Value!.WindowFrom.ShouldBe(ChinaTime.StartOf(Reported.AddDays(-2)));
        var earlier = await UpdateItinerary.HandleAsync(db, caseId, new UpdateItinerary.Command([], null, null, Sampled.AddDays(-1)), DateTimeOffset.UtcNow);

        earlier.Value!.WindowFrom.ShouldBe(ChinaTime.StartOf(Sampled.AddDays(-3)));
        earlier.Value.AnchorOn.ShouldBe(Sampled.AddDays(-1));
        // Not giving the date again keeps it.
        (await UpdateItinerary.HandleAsync(db, caseId, new UpdateItinerary.Command([], null, null), DateTimeOffset.UtcNow)).Value!.SampledOn.ShouldBe(Sampled.AddDays(-1));
    }

    /// <summary>An asymptomatic infection reported on 3/20 whose positive pool was sampled on 3/17, and two earlier tubes it shared.</summary>
    private static async Task<long> SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        await InvestigationWorld.EnsureRegionsAsync(db);
        var round = new TestingRound("全员核酸", WebTestData.County, At(Sampled.AddDays(-3), 0, 0), At(Reported, 0, 0), 10, "test");
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync();
        var positive = await AddTubeAsync(db, round, "TP-1", At(Sampled, 9, 0), Case);
        positive.SetResult(TestResult.Positive, 28, 29, "吉林市疾控", At(Sampled, 20, 0), At(Sampled, 20, 0));
        await AddTubeAsync(db, round, "TI-1", At(Sampled.AddDays(-2), 0, 0), Case, Inside);
        await AddTubeAsync(db, round, "TO-1", At(Sampled.AddDays(-3), 23, 59), Case, Outside);
        await db.SaveChangesAsync();
        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
            CsvHeaders.LineList, $"JL-200,陈刚,{Case},{WebTestData.Community},asymptomatic,,{Reported:yyyy-MM-dd},,,"));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
        return await db.Cases.Where(c => c.CaseNo == "JL-200").Select(c => c.Id).SingleAsync();
    }

    private static async Task<Tube> AddTubeAsync(FangkongDbContext db, TestingRound round, string barcode, DateTimeOffset at, params string[] members)
    {
        var tube = new Tube(round.Id, barcode, 10, WebTestData.County, "吉源社区采样点", at);
        db.Tubes.Add(tube);
        await db.SaveChangesAsync();
        foreach (var member in members)
        {
            db.Samples.Add(new Sample(
                string.Create(CultureInfo.InvariantCulture, $"{barcode}-{member}"), round.Id, tube.Id, WebTestData.County, null, member, null, at, "采样员"));
            tube.AddSample();
        }

        await db.SaveChangesAsync();
        return tube;
    }

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), ChinaTime.Offset);
}
