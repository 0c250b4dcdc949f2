using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo.Replay;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Demo;

/// <summary>
/// Issue 15's "done when" for the replay: the province bulletin and the city's 通告 of 3/15, 3/17,
/// 3/20, 3/22 and 3/23 give Jilin City the published figures, whatever the (small) population.
/// Each test replays only the days it needs (and the day before, whose asymptomatic infections
/// convert), from an empty outbreak, to stay within a test's time.
/// </summary>
public sealed class JilinCityReplayTests
{
    /// <summary>Enough residents for 3/17 replayed alone (1,984 new infections in a third of the city).</summary>
    internal const int People = 12_000;

    /// <summary>A twentieth of the rooms and beds: the published days' tests check bulletins, not allocation, and the sites cost time to register.</summary>
    internal const double Capacity = 0.05;

    private static readonly DateOnly March14 = new(2022, 3, 14);
    private static readonly DateOnly March15 = new(2022, 3, 15);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task March15_FromTheDayBefore_BulletinsGiveThePublishedFigures_InTheOfficialWording(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            var report = await JilinCityReplay.RunAsync(db, new JilinCityReplay.Options(March14, March15, People, JilinCityReplay.DefaultSeed, Capacity));
            report.Days.Count.ShouldBe(2);
            report.Days[1].Reporting!.Conversions.ShouldBe(18);
        }

        await using var check = database.NewContext();
        var city = await BulletinAsync(check, JilinCityReplay.City, March15);
        city.NewConfirmed.Total.ShouldBe(393);
        city.NewAsymptomatic.Total.ShouldBe(376);
        var notice = BulletinTextZh.Render(city);
        notice.ShouldContain("3月15日0-24时，全市新增本土确诊病例393例（含18例无症状感染者转为确诊病例）。新增病例中，轻型381例，普通型11例，重型1例。");
        notice.ShouldContain("新增本土无症状感染者376例");

        var province = await BulletinAsync(check, "22", March15);
        var text = BulletinTextZh.Render(province);
        text.ShouldContain("全省新增本土确诊病例393例（轻型381例、普通型11例、重型1例）。其中，吉林市393例（含18例无症状感染者转为确诊病例）。");
        text.ShouldContain("新增本土无症状感染者376例，其中吉林市376例");

        // Every record of the day carries its 2022 date, and every case has its close contacts.
        (await check.Cases.CountAsync(c => c.ReportedOn == March15)).ShouldBe(393 + 376);
        (await check.TestingRounds.CountAsync(r => r.StartsAt < new DateTimeOffset(2022, 3, 16, 0, 0, 0, TimeSpan.Zero))).ShouldBe(2);
        (await check.Contacts.CountAsync(c => c.IdentifiedOn == March15)).ShouldBeGreaterThan(0);

        // Run again, the replayed days are skipped: nothing is reported twice.
        await using (var again = database.NewContext())
        {
            var report = await JilinCityReplay.RunAsync(again, new JilinCityReplay.Options(March14, March15, People, JilinCityReplay.DefaultSeed, Capacity));
            report.Days.ShouldAllBe(d => d.Skipped);
        }

        (await check.Cases.CountAsync(c => c.ReportedOn == March15)).ShouldBe(393 + 376);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TooSmallAPopulation_IsRefused_NamingPeople_BeforeTheDayIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var refused = await Should.ThrowAsync<ReplayTooSmallException>(
            () => JilinCityReplay.RunAsync(db, new JilinCityReplay.Options(March14, March14, 500, JilinCityReplay.DefaultSeed)));
        refused.Message.ShouldContain("--people");
        refused.Day.ShouldBe(March14);
        (await db.TestingRounds.CountAsync()).ShouldBe(0);
        (await db.Cases.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DaysOutsideTheScenario_AreRefused_NamingTheOption(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var late = await Should.ThrowAsync<ArgumentOutOfRangeException>(
            () => JilinCityReplay.RunAsync(db, new JilinCityReplay.Options(March14, new DateOnly(2022, 4, 16), People, 1)));
        late.Message.ShouldContain("until");
        var early = await Should.ThrowAsync<ArgumentOutOfRangeException>(
            () => JilinCityReplay.RunAsync(db, new JilinCityReplay.Options(new DateOnly(2022, 2, 28), March14, People, 1)));
        early.Message.ShouldContain("from");
        (await db.Persons.CountAsync()).ShouldBe(0);
    }

    internal static async Task<DailyBulletin> BulletinAsync(FangkongDbContext db, string region, DateOnly day)
    {
        var built = await BuildDailyBulletin.HandleAsync(db, region, day);
        return built.Value ?? throw new InvalidOperationException(built.Error!.Message);
    }
}
