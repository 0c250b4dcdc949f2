using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Web.Input;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// Ten requests at once for the writes of bulletin publishing (issue 12): a city's numbered notice
/// (通告, unique per unit, year and number) and the outbreak start. A repeat answers as the first
/// did or 409, never 500; notices of different days sent together each get their own number.
/// </summary>
public sealed class BulletinRacesTests
{
    private const string City = "2202";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CityNotice_PublishedTenTimesAtOnce_IsPublishedOnce_TheRepeatsAre409(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var city = await host.ClientAsync("city");
        var day = Today().AddDays(-1);

        var answers = await ParallelRepeat.SendAsync(() => city.PostAsJsonAsync("/api/v1/bulletins", new { region = City, date = day }));

        answers.ShouldBeOneSuccessOrConflicts(repeatsMaySucceed: false);
        await using var check = host.Database.NewContext();
        var stored = await check.PublishedBulletins.AsNoTracking().Select(p => new { p.Date, p.Version, p.NoticeNo }).ToListAsync();
        stored.ShouldHaveSingleItem();
        (stored[0].Date, stored[0].Version, stored[0].NoticeNo).ShouldBe((day, 1, (int?)1));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CityNotices_OfTenDaysSentAtOnce_AreAllPublished_EachWithItsOwnNumber(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var city = await host.ClientAsync("city");
        var next = 0;

        var answers = await ParallelRepeat.SendAsync(() =>
        {
            var day = Today().AddDays(-1 - Interlocked.Increment(ref next));
            return city.PostAsJsonAsync("/api/v1/bulletins", new { region = City, date = day });
        });

        // Each day was published by one request only: none is a repeat, so none may be refused.
        answers.Where(a => a.Status != HttpStatusCode.OK).Select(a => $"{(int)a.Status}: {a.Body}").ShouldBeEmpty();
        var numbers = answers.Select(a => JsonDocument.Parse(a.Body).RootElement.GetProperty("noticeNo").GetInt32()).Order().ToList();
        numbers.ShouldBe(Enumerable.Range(1, ParallelRepeat.Times).ToList());
        await using var check = host.Database.NewContext();
        (await check.PublishedBulletins.CountAsync()).ShouldBe(ParallelRepeat.Times);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OutbreakStart_PutTenTimesAtOnce_AnswersAsTheFirstDid_AndIsSetOnce(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var city = await host.ClientAsync("city");

        var answers = await ParallelRepeat.SendAsync(() => city.PutAsJsonAsync("/api/v1/bulletins/outbreak-start", new { region = City, startsOn = "2022-03-02" }));

        answers.ShouldBeOneSuccessOrConflicts();
        answers.Where(a => a.Status == HttpStatusCode.OK).ShouldAllBe(a => a.Body.Contains("\"startsOn\":\"2022-03-02\""));
        await using var check = host.Database.NewContext();
        (await check.Regions.AsNoTracking().SingleAsync(r => r.Code == City)).OutbreakStartsOn.ShouldBe(new DateOnly(2022, 3, 2));
    }

    private static DateOnly Today() => ChinaTime.Today(TimeProvider.System);

    private static async Task<WebTestHost> StartAsync(DatabaseProvider provider) =>
        await WebTestHost.StartAsync(provider, seed: async database =>
        {
            await WebTestData.SeedAsync(database);
            await InputWorld.AddCommandCentreAsync(database);
        });
}
