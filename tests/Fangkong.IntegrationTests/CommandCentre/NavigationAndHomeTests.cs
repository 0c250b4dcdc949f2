using System.Net;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web.Components.Layout;

namespace Fangkong.IntegrationTests.CommandCentre;

/// <summary>
/// Issue 17 items 2 and 3: the grouped navigation offers each demo role only pages it may open
/// (every entry walked), and each role's home page starts with that role's work.
/// </summary>
public sealed class NavigationAndHomeTests
{
    /// <summary>The work each demo account's home page starts with (data-work of its first card; the situation view for the command roles).</summary>
    private static readonly Dictionary<string, string> FirstWork = new()
    {
        ["zhihuibu"] = "situation",
        ["chuanying"] = "situation",
        ["jiyuan"] = "not-sampled",
        ["caiyang"] = "console",
        ["dadong"] = "not-sampled",
        ["jiance"] = "pending-tubes",
        ["liudiao"] = "investigations",
        ["geli"] = "sites",
        ["zhuanyun"] = "dispatch",
        ["kadian"] = "scanner",
        ["jijian"] = "findings-due",
        ["admin"] = "audit",
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryNavigationEntry_OpensForEveryDemoRole_AndEntriesTheRoleMayNotUseAreNotOffered(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, seed: CommandPages.SeedDemoAsync);
        var failures = new List<string>();
        var walked = 0;
        foreach (var account in DemoUsers.Accounts)
        {
            using var client = await CommandPages.DemoClientAsync(host, account.UserName);
            var home = await client.GetStringAsync("/");
            var offered = CommandPages.NavHrefs(home);
            offered.ShouldNotBeEmpty(account.UserName);

            foreach (var entry in NavGroups.All.SelectMany(g => g.Entries))
            {
                var allowed = entry.Policy is null || Permissions.RolesFor(entry.Policy).Contains(account.Role);
                if (offered.Contains(entry.Href) != allowed)
                {
                    failures.Add($"{account.UserName} ({account.Role}): {entry.Href} offered={offered.Contains(entry.Href)}, permitted={allowed}");
                }
            }

            var situation = NavGroups.SituationRoles.Contains(account.Role);
            offered.Contains("command").ShouldBe(situation, $"{account.UserName}: the situation entry");

            foreach (var href in offered)
            {
                using var response = await client.GetAsync("/" + href);
                var body = await response.Content.ReadAsStringAsync();
                walked++;
                if (response.StatusCode != HttpStatusCode.OK || body.Contains("无权访问", StringComparison.Ordinal))
                {
                    failures.Add($"{account.UserName} ({account.Role}): /{href} answered {(int)response.StatusCode}{(body.Contains("无权访问", StringComparison.Ordinal) ? " 无权访问" : string.Empty)}");
                }
            }
        }

        failures.ShouldBeEmpty();
        walked.ShouldBeGreaterThan(100);

        // The walk would see a refusal: a page outside a role's entries is sent to 无权访问 (not 200).
        using var lab = await CommandPages.DemoClientAsync(host, "jiance");
        foreach (var notOffered in new[] { "/cases", "/command" })
        {
            using var refused = await lab.GetAsync(notOffered);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, notOffered);
            refused.Headers.Location!.OriginalString.ShouldContain("/forbidden");
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EachDemoRolesHome_StartsWithItsWork(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, seed: CommandPages.SeedDemoAsync);
        long round;
        await using (var db = host.Database.NewContext())
        {
            round = (await Fangkong.CommandCentre.CurrentRound.FindAsync(db, DemoSetup.County))!.Id;
        }

        foreach (var account in DemoUsers.Accounts)
        {
            using var client = await CommandPages.DemoClientAsync(host, account.UserName);
            var home = await client.GetStringAsync("/");
            if (FirstWork[account.UserName] == "situation")
            {
                home.ShouldContain("data-testid=\"situation-title\"", customMessage: account.UserName);
                home.ShouldNotContain("data-testid=\"role-work\"", customMessage: account.UserName);
                CommandPages.Tiles(home).ShouldNotBeEmpty(account.UserName);
                continue;
            }

            home.ShouldNotContain("data-testid=\"situation-title\"", customMessage: account.UserName);
            var first = CommandPages.Tags(home, "work-item").FirstOrDefault();
            first.ShouldNotBeNull(account.UserName);
            first["data-work"].ShouldBe(FirstWork[account.UserName], account.UserName);
            using var opened = await client.GetAsync("/" + first["href"]);
            opened.StatusCode.ShouldBe(HttpStatusCode.OK, $"{account.UserName}: /{first["href"]}");
        }

        // The work links lead to the current round's pages, not to a list of rounds.
        using (var sampler = await CommandPages.DemoClientAsync(host, "caiyang"))
        {
            CommandPages.Tags(await sampler.GetStringAsync("/"), "work-item").First()["href"].ShouldBe($"testing/{round}/console");
        }

        using (var community = await CommandPages.DemoClientAsync(host, "jiyuan"))
        {
            CommandPages.Tags(await community.GetStringAsync("/"), "work-item").First()["href"].ShouldBe($"testing/{round}/not-sampled?community=220204003001");
        }

        // The investigator's open investigations carry their clocks.
        using var investigator = await CommandPages.DemoClientAsync(host, "liudiao");
        var investigations = await investigator.GetStringAsync("/");
        var count = CommandPages.NumberIn(investigations, "tile-figure");
        var list = await investigator.GetStringAsync("/investigations");
        count.ShouldNotBeNull();
        if (count > 0)
        {
            investigations.ShouldContain("data-testid=\"investigation-clocks\"");
        }

        list.ShouldNotContain("无权访问");
    }
}
