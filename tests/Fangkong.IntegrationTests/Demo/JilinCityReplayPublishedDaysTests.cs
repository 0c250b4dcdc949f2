using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo.Replay;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Demo;

/// <summary>
/// The other published days of the replay's "done when" (3/17, 3/20, 3/22, 3/23), in a class of their
/// own so that xunit runs them beside <see cref="JilinCityReplayTests"/> rather than after it: they are
/// the longest replays of the suite.
/// </summary>
public sealed class JilinCityReplayPublishedDaysTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task March17_20_22_23_BulletinsGiveThePublishedFigures(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (int Month, int Day, int Confirmed, int Asymptomatic)[] published = [(3, 17, 1_210, 774), (3, 20, 452, 545), (3, 22, 331, 522), (3, 23, 516, 531)];
        foreach (var (from, until) in new[] { (17, 17), (20, 20), (22, 23) })
        {
            await using var db = database.NewContext();
            await JilinCityReplay.RunAsync(db, new JilinCityReplay.Options(new(2022, 3, from), new(2022, 3, until), JilinCityReplayTests.People, JilinCityReplay.DefaultSeed, JilinCityReplayTests.Capacity));
        }

        await using var check = database.NewContext();
        foreach (var (month, day, confirmed, asymptomatic) in published)
        {
            var date = new DateOnly(2022, month, day);
            var city = await JilinCityReplayTests.BulletinAsync(check, JilinCityReplay.City, date);
            (city.NewConfirmed.Total, city.NewAsymptomatic.Total).ShouldBe((confirmed, asymptomatic), $"{date}");
            BulletinTextZh.Render(city).ShouldContain($"{month}月{day}日0-24时，全市新增本土确诊病例{confirmed}例");
            var province = BulletinTextZh.Render(await JilinCityReplayTests.BulletinAsync(check, "22", date));
            province.ShouldContain($"全省新增本土确诊病例{confirmed}例");
            province.ShouldContain($"新增本土无症状感染者{asymptomatic}例，其中吉林市{asymptomatic}例");
        }
    }
}
