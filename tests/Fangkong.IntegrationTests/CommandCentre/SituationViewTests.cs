using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.CommandCentre;

/// <summary>Issue 17 item 1: the situation view's tiles, its jurisdiction, the big screen and the refusals.</summary>
public sealed class SituationViewTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CommandCentre_EachTilesFigure_EqualsTheListItLinksTo(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, seed: CommandPages.SeedDemoAsync);
        using var client = await CommandPages.DemoClientAsync(host, "zhihuibu");
        var page = await client.GetStringAsync("/command");
        page.ShouldContain("吉林市疫情防控态势");
        var tiles = CommandPages.Tiles(page).ToDictionary(t => t.Key);
        foreach (var key in new[] { "new-confirmed", "new-asymptomatic", "round-sampled", "positive-pools", "waiting-people", "transfers-left", "overdue-findings", "rooms-free" })
        {
            tiles.ShouldContainKey(key);
        }

        // Every tile says how fresh it is.
        Regex.Count(page, "data-testid=\"tile-fresh\">截至 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d<").ShouldBe(tiles.Count);

        var checkedFigures = new List<string>();
        async Task<string> ListAsync(string key)
        {
            using var response = await client.GetAsync("/" + tiles[key].Href);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, tiles[key].Href);
            checkedFigures.Add($"{key}={tiles[key].Figure}");
            return await response.Content.ReadAsStringAsync();
        }

        CommandPages.NumberIn(await ListAsync("new-confirmed"), "result-count").ShouldBe(tiles["new-confirmed"].Figure, "new confirmed");
        CommandPages.NumberIn(await ListAsync("new-asymptomatic"), "result-count").ShouldBe(tiles["new-asymptomatic"].Figure, "new asymptomatic");
        CommandPages.Number(CommandPages.CoverageTotal(await ListAsync("round-sampled"))[1]).ShouldBe(tiles["round-sampled"].Figure, "sampled");
        var notSampled = CommandPages.CoverageTotal(await ListAsync("round-not-sampled"));
        (CommandPages.Number(notSampled[0]) - CommandPages.Number(notSampled[1])).ShouldBe(tiles["round-not-sampled"].Figure, "not sampled");
        CommandPages.NumberIn(await ListAsync("positive-pools"), "result-count").ShouldBe(tiles["positive-pools"].Figure, "positive pools");
        var queue = await ListAsync("waiting-people");
        (CommandPages.NumberIn(queue, "waiting-count") ?? 0).ShouldBe(tiles["waiting-people"].Figure, "waiting people");
        var endOfDay = Regex.Match(await ListAsync("transfers-left"), "共 ([0-9,]+) 人未入住");
        endOfDay.Success.ShouldBeTrue();
        CommandPages.Number(endOfDay.Groups[1].Value).ShouldBe(tiles["transfers-left"].Figure, "transfers left");
        var findings = await ListAsync("overdue-findings");
        Regex.Count(findings, "<td class=\"fk-id\"><a href=\"findings/\\d+\">").ShouldBe((int)tiles["overdue-findings"].Figure, "overdue findings");
        var sites = await ListAsync("rooms-free");
        // The capacity summary of the city: rooms, shelter beds, designated beds, each with its free count second.
        var summary = Regex.Match(sites, "<table class=\"table table-sm table-fk w-auto\">(?<t>.*?)</table>", RegexOptions.Singleline).Groups["t"].Value;
        var free = Regex.Matches(summary, "<tr><th>[^<]*</th><td>\\d+</td><td>(\\d+)</td>").Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        free.ShouldBe(tiles["rooms-free"].Figure, "free rooms and beds");

        // Demo-like data: the figures compared are not all zero (a test of zeros would prove nothing).
        (tiles["new-confirmed"].Figure + tiles["new-asymptomatic"].Figure).ShouldBeGreaterThan(0, string.Join(", ", checkedFigures));
        tiles["round-sampled"].Figure.ShouldBeGreaterThan(0);
        tiles["positive-pools"].Figure.ShouldBeGreaterThan(0);
        tiles["rooms-free"].Figure.ShouldBeGreaterThan(0);

        // The charts get their data: one day per trend point, ending today.
        page.ShouldContain("data-testid=\"trend-chart\"");
        page.ShouldContain("lib/echarts/echarts.min.js");
        page.ShouldContain(ChinaTime.Today(TimeProvider.System).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "&quot;]");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CountyUser_SeesTheirCountysFigures_AndAnotherCountysCaseIsAbsent(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, seed: CommandPages.SeedDemoAsync);
        var today = ChinaTime.Today(TimeProvider.System);
        await using (var db = host.Database.NewContext())
        {
            // One confirmed case today in 昌邑区, the county next to the demo's 船营区.
            var report = new Fangkong.Cases.Case.Report(
                "CMD-OTHER-1", "外县病例", WebTestData.IdNumberFor("220202001001", "19800101", 7), "220202001001", CaseType.Confirmed, Severity.Mild,
                today, CaseSource.SingleTube, null, null);
            db.Cases.Add(Fangkong.Cases.Case.Create(report).Value!);
            await db.SaveChangesAsync();
        }

        using var city = await CommandPages.DemoClientAsync(host, "zhihuibu");
        using var county = await CommandPages.DemoClientAsync(host, "chuanying");
        var cityPage = await city.GetStringAsync("/command");
        var countyPage = await county.GetStringAsync("/command");
        countyPage.ShouldContain("船营区疫情防控态势");
        var cityTiles = CommandPages.Tiles(cityPage).ToDictionary(t => t.Key);
        var countyTiles = CommandPages.Tiles(countyPage).ToDictionary(t => t.Key);

        cityTiles["new-confirmed"].Figure.ShouldBe(countyTiles["new-confirmed"].Figure + 1);
        cityPage.ShouldContain("昌邑区");
        countyPage.ShouldNotContain("昌邑区");
        countyTiles["new-confirmed"].Href.ShouldContain("region=220204");
        CommandPages.NumberIn(await county.GetStringAsync("/" + countyTiles["new-confirmed"].Href), "result-count").ShouldBe(countyTiles["new-confirmed"].Figure);

        // The county may open its own view by code, not the city's nor another county's.
        (await county.GetStringAsync("/command?region=220204")).ShouldContain("船营区疫情防控态势");
        foreach (var other in new[] { "2202", "220202" })
        {
            using var refused = await county.GetAsync($"/command?region={other}");
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, other);
            var body = await refused.Content.ReadAsStringAsync();
            body.ShouldContain("无权访问");
            body.ShouldNotContain("data-testid=\"tile\"");
        }

        // The city may look at one of its counties.
        var cityOnCounty = CommandPages.Tiles(await city.GetStringAsync("/command?region=220202")).ToDictionary(t => t.Key);
        cityOnCounty["new-confirmed"].Figure.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BigScreen_HasNoNavigationAndRefreshes_BadRegionNamesTheField_OtherRolesAreRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");

        var screen = await county.GetStringAsync("/command/screen");
        screen.ShouldContain("data-testid=\"big-screen\"");
        screen.ShouldContain("data-refresh=\"60\"");
        screen.ShouldContain("js/situation.js");
        screen.ShouldContain("船营区疫情防控态势");
        screen.ShouldNotContain("data-testid=\"nav-groups\"");
        screen.ShouldNotContain("data-testid=\"big-screen-link\"");
        screen.ShouldContain("&quot;dark&quot;:true");

        var normal = await county.GetStringAsync("/command");
        normal.ShouldContain("data-testid=\"nav-groups\"");
        normal.ShouldContain("data-testid=\"big-screen-link\"");
        normal.ShouldContain("data-testid=\"no-round\"");

        using (var redirected = await county.GetAsync("/command?screen=big&region=220204"))
        {
            redirected.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            redirected.Headers.Location!.OriginalString.ShouldEndWith("command/screen?region=220204");
        }

        foreach (var bad in new[] { "abc", "220204003", "22" })
        {
            using var invalid = await county.GetAsync($"/command?region={bad}");
            invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            (await invalid.Content.ReadAsStringAsync()).ShouldContain("不是市或区县的区划代码");
        }

        foreach (var user in new[] { "community", "sampler", "lab", "investigator" })
        {
            using var client = await host.ClientAsync(user);
            using var refused = await client.GetAsync("/command/screen");
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, user);
            refused.Headers.Location!.OriginalString.ShouldContain("/forbidden");
        }

        using var anonymous = await host.ClientAsync();
        using var signIn = await anonymous.GetAsync("/command");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldContain("/login");
    }
}
