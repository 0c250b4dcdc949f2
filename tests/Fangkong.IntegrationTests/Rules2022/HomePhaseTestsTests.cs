using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Stay;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 4 of issue 15, at home: a home watch's tests are due on the days of its order (home days 2
/// and 7 of the 8th edition's close contact), the community's due list shows who must be tested on a
/// day (and who is overdue), and the watch is released only the day after its last day with every
/// due test negative.
/// </summary>
public sealed class HomePhaseTestsTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    private static readonly DateOnly NinthDay = new(2022, 7, 10);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EighthEdition_AfterCentralRelease_HomeDays2And7_AreDueAndListed_TheWatchIsReleasedOnlyWithBothNegative(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var watch = await ReleasedToHomeAsync(db);
        var (day2, day7, after) = (watch.StartsOn.AddDays(1), watch.StartsOn.AddDays(6), watch.EndsOn.AddDays(1));

        var dayOne = (await ListHomeDueTests.HandleAsync(db, Time, watch.StartsOn, null)).Value!;
        var dueDay2 = (await ListHomeDueTests.HandleAsync(db, Time, day2, null)).Value!;
        var dueDay7 = (await ListHomeDueTests.HandleAsync(db, Time, day7, null)).Value!;
        var onLastDay = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, watch.EndsOn));
        var noTests = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, after));
        (await HomeTestAsync(db, watch, day2, "negative")).IsSuccess.ShouldBeTrue();
        var oneTest = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, after));
        (await HomeTestAsync(db, watch, day7, "negative")).Value!.Scheduled.ShouldBeTrue();
        var doneDay7 = (await ListHomeDueTests.HandleAsync(db, Time, day7, null)).Value!;
        var released = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, after));
        var again = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, after));

        dayOne.Tests.ShouldBeEmpty();
        dueDay2.Tests.Select(t => (t.Name, t.DayNumber, t.Overdue, t.Result, t.Link)).ShouldBe([("张伟", 2, false, (StayTestResult?)null, $"home-monitoring/{watch.Id}")]);
        dueDay7.Tests.Select(t => (t.DayNumber, t.Overdue)).ShouldBe([(2, true), (7, false)]);
        onLastDay.Error!.Message.ShouldContain($"最早 {after:yyyy-MM-dd}");
        noTests.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        noTests.Error.Message.ShouldContain("2、7");
        oneTest.Error!.Message.ShouldContain("第 7 天");
        (doneDay7.Due, doneDay7.Done, doneDay7.Tests.Single().Result).ShouldBe((1, 1, StayTestResult.Negative));
        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        released.Value!.TestsNegative.ShouldBe(2);
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await ListHomeDueTests.HandleAsync(db, Time, day7, null)).Value!.Tests.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NinthEdition_ASecondaryContactAtHome_IsTestedOnDays1_4_7_AndItsReleaseIsTheContacts(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay);
        await OpenHomeWatches.FromContactOrdersAsync(db, Time);
        var watch = await db.HomeWatches.AsNoTracking().SingleAsync();
        var after = watch.EndsOn.AddDays(1);
        await HomeTestAsync(db, watch, NinthDay, "negative");
        await HomeTestAsync(db, watch, NinthDay.AddDays(3), "negative");

        var extra = await HomeTestAsync(db, watch, NinthDay.AddDays(4), "negative");
        var badResult = await HomeTestAsync(db, watch, NinthDay.AddDays(5), "maybe");
        var outside = await HomeTestAsync(db, watch, after, "negative");
        var sameAgain = await HomeTestAsync(db, watch, NinthDay, "negative");
        var changed = await HomeTestAsync(db, watch, NinthDay, "positive");
        var missingDay7 = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, after));
        await HomeTestAsync(db, watch, NinthDay.AddDays(6), "negative");
        var released = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, after));

        watch.TestDays.ShouldBe("1,4,7");
        (extra.Value!.Scheduled, extra.Value.DayNumber).ShouldBe((false, 5));
        badResult.Error!.Field.ShouldBe("result");
        outside.Error!.Field.ShouldBe("takenAt");
        sameAgain.Value!.Changed.ShouldBeFalse();
        changed.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        missingDay7.Error!.Message.ShouldContain("第 7 天");
        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        await using var check = database.NewContext();
        (await check.Contacts.SingleAsync()).ReleasedOn.ShouldBe(after);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AWatchWithAPositiveTest_IsNotReleased(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay);
        await OpenHomeWatches.FromContactOrdersAsync(db, Time);
        var watch = await db.HomeWatches.AsNoTracking().SingleAsync();
        foreach (var day in new[] { 1, 4, 7 })
        {
            await HomeTestAsync(db, watch, NinthDay.AddDays(day - 1), "negative");
        }

        await HomeTestAsync(db, watch, NinthDay.AddDays(5), "positive");

        var refused = await ReleaseHomeWatch.HandleAsync(db, Time, new ReleaseHomeWatch.Command(watch.Id, watch.EndsOn.AddDays(1)));

        refused.Error!.Message.ShouldContain("阳性");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_ListsTheDueTests_RecordsOne_RefusesAnEarlyReleaseAs409_AndABadResultAs400NamingIt(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await AddRegionsAsync(host.Database);
        await AddUsersAsync(host.Database);
        await using (var db = host.Database.NewContext())
        {
            await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay);
            await OpenHomeWatches.FromContactOrdersAsync(db, Time);
        }

        using var community = await host.ClientAsync("community");
        var due = await community.GetFromJsonAsync<JsonElement>("/api/v1/home-monitoring/due-tests?date=2022-07-13");
        var row = due.GetProperty("tests")[0];
        var id = row.GetProperty("watchId").GetInt64();
        using var recorded = await community.PostAsJsonAsync($"/api/v1/home-monitoring/{id}/tests", new { takenAt = "2022-07-10T10:00:00+08:00", result = "negative" });
        using var bad = await community.PostAsJsonAsync($"/api/v1/home-monitoring/{id}/tests", new { takenAt = "2022-07-13T10:00:00+08:00", result = "maybe" });
        using var early = await community.PostAsJsonAsync($"/api/v1/home-monitoring/{id}/release", new { on = "2022-07-16" });
        var after = await community.GetFromJsonAsync<JsonElement>("/api/v1/home-monitoring/due-tests?date=2022-07-13");

        (due.GetProperty("due").GetInt32(), row.GetProperty("dayNumber").GetInt32(), row.GetProperty("overdue").GetBoolean()).ShouldBe((2, 1, true));
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("result", out _).ShouldBeTrue();
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("2022-07-17");
        after.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("dayNumber").GetInt32()).ShouldBe([4]);
    }

    /// <summary>An 8th-edition close contact exposed on Day1, checked in, tested and released on day 15 with 双采双检: its home watch.</summary>
    private static async Task<HomeWatch> ReleasedToHomeAsync(FangkongDbContext db)
    {
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        var task = await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4));
        (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(5)))).IsSuccess.ShouldBeTrue();
        foreach (var day in new[] { 1, 4, 7 })
        {
            await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, At(Day1.AddDays(day - 1), 15), "negative", null, null));
        }

        await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, At(Day1.AddDays(13), 15), "negative", null, null, "吉林市疾控中心", "金域医学检验所", "negative"));
        var released = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, At(Day1.AddDays(14), 9)));
        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        return await db.HomeWatches.AsNoTracking().SingleAsync(w => w.Id == released.Value!.HomeWatchId);
    }

    private static Task<Result<RecordHomeTest.Recorded>> HomeTestAsync(FangkongDbContext db, HomeWatch watch, DateOnly day, string result) =>
        RecordHomeTest.HandleAsync(db, Time, new RecordHomeTest.Command(watch.Id, At(day, 10), result));

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
}
