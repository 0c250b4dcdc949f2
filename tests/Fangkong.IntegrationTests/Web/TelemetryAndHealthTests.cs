using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fangkong.IntegrationTests.Web;

/// <summary>Live and ready health, the Prometheus scrape with the domain metrics, and telemetry settings checked at start.</summary>
public sealed partial class TelemetryAndHealthTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Live_And_Ready_AnswerHealthy_WhenTheDatabaseAnswers(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync();

        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health/ready")).ShouldBe("Healthy");
        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
    }

    // PostgreSQL only: a server database can vanish under a running host; an embedded SQLite file
    // is recreated on the next open, so it has no "database down" state to show.
    [Fact]
    public async Task Ready_IsUnhealthy_AndLive_StaysHealthy_WhenTheDatabaseIsGone()
    {
        await using var host = await WebTestHost.StartAsync(DatabaseProvider.Postgres);
        using var client = await host.ClientAsync();
        var name = new NpgsqlConnectionStringBuilder(host.Database.Settings.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        using var ready = await client.GetAsync("/health/ready");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await client.GetStringAsync("/health/live")).ShouldBe("Healthy");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Metrics_CountSwabs_AndMembersPutUnderControl_ByAPositivePool(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var sampler = await host.ClientAsync("sampler");
        using var lab = await host.ClientAsync("lab");
        var round = await (await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "指标轮次", regionCode = "220204", poolSize = 10 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = round.GetProperty("id").GetInt64();
        var people = new[]
        {
            WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1),
            WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2),
        };
        var scans = people.Select((p, i) => new { clientId = $"m{i}", tubeBarcode = "JL-M001", idNumber = p, sampledAt = DateTimeOffset.UtcNow, samplingPoint = "吉源社区广场" });
        (await sampler.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/scans", new { scans = scans.Append(new { clientId = "bad", tubeBarcode = "JL-M001", idNumber = "not-a-number", sampledAt = DateTimeOffset.UtcNow, samplingPoint = "吉源社区广场" }) }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lab.PostAsJsonAsync("/api/v1/testing/results", new { results = new[] { new { tubeBarcode = "JL-M001", result = "positive", ctN = 27.0, ctOrf = 28.0, lab = "吉林市疾控中心" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var scrape = await county.GetStringAsync("/metrics");

        // The meter is process-wide and tests run in parallel: counts are at least this test's.
        Sample(scrape, "fangkong_swabs_recorded_total").ShouldBeGreaterThanOrEqualTo(2);
        Sample(scrape, "fangkong_swabs_refused_total").ShouldBeGreaterThanOrEqualTo(1);
        Sample(scrape, "fangkong_tracing_members_controlled_total").ShouldBeGreaterThanOrEqualTo(2);
        Sample(scrape, "fangkong_tracing_result_to_control_seconds_count").ShouldBeGreaterThanOrEqualTo(1);
        scrape.ShouldContain("http_server_request_duration_seconds");
    }

    [Fact]
    public async Task Metrics_AreNotServed_ToAnotherMachine_UnlessTheOperatorSaysSo()
    {
        await using var host = await WebTestHost.StartAsync(DatabaseProvider.Sqlite);
        var remote = await host.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        });
        remote.Response.StatusCode.ShouldNotBe(StatusCodes200);
        var local = await host.App.GetTestServer().SendAsync(c =>
        {
            c.Request.Path = "/metrics";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        local.Response.StatusCode.ShouldBe(StatusCodes200);
    }

    [Fact]
    public async Task ABadTelemetrySetting_StopsTheStart_NamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var refused = await Should.ThrowAsync<OptionsValidationException>(async () =>
        {
            await using var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(database.Settings)
            {
                ConfigureBuilder = b =>
                {
                    b.WebHost.UseTestServer();
                    b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Telemetry:ScrapePath"] = "metrics" });
                },
            });
            await app.StartAsync();
        });
        refused.Message.ShouldContain("Telemetry:ScrapePath");
    }

    private const int StatusCodes200 = 200;

    private static double Sample(string scrape, string name)
    {
        var line = SampleLine().Matches(scrape).FirstOrDefault(m => m.Groups["name"].Value == name);
        line.ShouldNotBeNull($"{name} in the scrape");
        return double.Parse(line.Groups["value"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
