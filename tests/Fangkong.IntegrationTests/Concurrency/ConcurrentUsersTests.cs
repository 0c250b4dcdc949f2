using System.Net;
using System.Net.Http.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// Fifty signed-in users at once against one server, with every background job ticking every
/// second or so: samplers post scan batches, labs post results (some positive, so tracing writes),
/// community workers change health codes, county workers and investigators read lists and
/// audited records (each an audit write). A bounded number of requests, no timing asserted:
/// the server must answer every one without a 5xx and log no error (issue 12, item 4).
/// </summary>
public sealed class ConcurrentUsersTests
{
    private const int Users = 50;
    private const int RequestsPerUser = 12;
    private const int ScansPerTube = 3;

    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.County, SeesFullIdentity: false);

    /// <summary>
    /// The server's PostgreSQL pool in this test: the test server's connections (max_connections
    /// 200, .ci/start-postgres.sh) are shared by every test run on the machine, and fifty users
    /// with five jobs would otherwise open up to Npgsql's default of 100. Fifty users then wait
    /// their turn for ten connections, as they would for a production server's pool, and the
    /// wait may last longer than the default 15 s on a loaded machine.
    /// </summary>
    private const string BoundedPool = "Maximum Pool Size=10;Timeout=120";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FiftyUsers_WithBackgroundJobsOn_GetNoServerError_AndNothingIsLogged(DatabaseProvider provider)
    {
        var log = new LogCapture();
        await using var host = await WebTestHost.StartAsync(provider, b =>
        {
            b.Logging.AddProvider(log);
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Testing:SweepEverySeconds"] = "1",
                ["Clusters:DetectEveryMinutes"] = "0.02",
                ["InfectionFree:RecheckEveryMinutes"] = "0.02",
                ["Supervision:TickSeconds"] = "1",
                ["Quarantine:CheckCapacityMinutes"] = "0.02",
            });
        }, settings => settings.Provider == DatabaseProvider.Postgres ? DatabaseSettings.Parse($"postgres:{settings.ConnectionString};{BoundedPool}") : settings);
        var world = await SeedAsync(host);

        var clients = await Task.WhenAll(Enumerable.Range(0, Users).Select(u => host.ClientAsync(UserOf(u))));
        var answers = await Task.WhenAll(Enumerable.Range(0, Users).Select(u => RunUserAsync(u, clients[u], world)));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        var all = answers.SelectMany(a => a).ToList();
        all.Count.ShouldBe(Users * RequestsPerUser);
        // Answers and log together, so that a failure shows the server's side of each 500.
        all.Where(a => (int)a.Status >= 500).Select(a => a.Request).Concat(log.Errors).ShouldBeEmpty();
        // The workload is valid: every request succeeds, so none of it was refused instead of run.
        all.Where(a => (int)a.Status >= 400).ShouldBeEmpty();

        await using var check = host.Database.NewContext();
        (await check.Samples.CountAsync()).ShouldBe(world.PreparedTubes.Count + (Users / 5 * RequestsPerUser / 2 * ScansPerTube));
        (await check.Tubes.CountAsync(t => t.Result != null)).ShouldBe(Users / 5 * (RequestsPerUser / 2));
        (await check.ControlOrders.CountAsync()).ShouldBeGreaterThan(0);
    }

    private sealed record World(long RoundId, IReadOnlyList<long> PersonIds, IReadOnlyList<string> FreeIdNumbers, IReadOnlyList<string> PreparedTubes);

    private sealed record Answer(string Request, HttpStatusCode Status);

    /// <summary>Ten users of each of five roles.</summary>
    private static string UserOf(int user) => (user % 5) switch
    {
        0 => "sampler",
        1 => "lab",
        2 => "county",
        3 => "investigator",
        _ => "community",
    };

    private static async Task<World> SeedAsync(WebTestHost host)
    {
        // Residents enough that no sampler puts anyone in two tubes.
        const int residents = 600;
        await using (var db = host.Database.NewContext())
        {
            for (var n = 0; n < residents; n++)
            {
                var birth = new DateOnly(1980, 1, 1).AddDays(n / 900);
                var id = WebTestData.IdNumberFor(WebTestData.Community, birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), (n % 900) + 100);
                db.Persons.Add(new Person(DocumentType.ResidentId, id, $"居民{n}", WebTestData.Community) { UpdatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        using var county = await host.ClientAsync("county");
        using var created = await county.PostAsJsonAsync("/api/v1/testing/rounds", new
        {
            name = "并发测试轮次",
            regionCode = WebTestData.County,
            poolSize = 10,
            startsAt = DateTimeOffset.UtcNow.AddHours(-1),
            hours = 48,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var round = (await created.Content.ReadFromJsonAsync<CreateRound.Created>())!.Id;

        await using var read = host.Database.NewContext();
        var people = await read.Persons.Where(p => p.RegionCode == WebTestData.Community && p.Name.StartsWith("居民"))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.DocumentNumber }).ToListAsync();

        // One single-swab tube per lab request, sampled before the load starts.
        var labRequests = Users / 5 * (RequestsPerUser / 2);
        var prepared = Enumerable.Range(0, labRequests).Select(i => $"PRE-{i:D4}").ToList();
        await using (var sampler = host.Database.NewContext(Sampler))
        {
            var scans = prepared.Select((tube, i) => new RecordScans.Scan($"pre-{i}", tube, people[i].DocumentNumber, DateTimeOffset.UtcNow.AddMinutes(-30), "预备点", PoolSize: 1)).ToList();
            var recorded = await RecordScans.HandleAsync(sampler, round, scans);
            recorded.Value!.ShouldAllBe(r => r.Outcome == RecordScans.Outcome.Recorded);
        }

        return new World(round, [.. people.Select(p => p.Id)], [.. people.Skip(labRequests).Select(p => p.DocumentNumber)], prepared);
    }

    private static async Task<List<Answer>> RunUserAsync(int user, HttpClient client, World world)
    {
        var answers = new List<Answer>();
        var slot = user / 5;
        for (var k = 0; k < RequestsPerUser; k++)
        {
            var person = world.PersonIds[((user * RequestsPerUser) + k) % world.PersonIds.Count];
            using var response = (user % 5, k % 2) switch
            {
                (0, 0) => await client.PostAsJsonAsync($"/api/v1/testing/rounds/{world.RoundId}/scans", new { scans = ScanBatch(world, slot, k / 2) }),
                (0, _) => await client.GetAsync("/api/v1/testing/rounds"),
                (1, 0) => await client.GetAsync($"/api/v1/testing/rounds/{world.RoundId}/positives"),
                (1, _) => await client.PostAsJsonAsync("/api/v1/testing/results", new
                {
                    results = new[]
                    {
                        new
                        {
                            tubeBarcode = world.PreparedTubes[(slot * (RequestsPerUser / 2)) + (k / 2)],
                            // One positive per lab user, so that tracing writes control orders under load.
                            result = k == 1 ? "positive" : "negative",
                            ctN = k == 1 ? 28.0 : (double?)null,
                            ctOrf = k == 1 ? 29.0 : (double?)null,
                            reportedAt = DateTimeOffset.UtcNow,
                            lab = "吉林市疾控中心",
                        },
                    },
                }),
                (2, 0) => await client.GetAsync($"/api/v1/persons/{person}"),
                (2, _) => await client.GetAsync((k / 2 % 3) switch
                {
                    0 => "/api/v1/cases",
                    1 => $"/api/v1/persons?region={WebTestData.Community}&pageSize=50",
                    _ => $"/api/v1/testing/rounds/{world.RoundId}/coverage",
                }),
                (3, 0) => await client.GetAsync($"/api/v1/persons/{person}"),
                (3, _) => await client.GetAsync(k / 2 % 2 == 0 ? "/api/v1/cases" : "/api/v1/contacts"),
                (_, 0) => await client.PutAsJsonAsync($"/api/v1/persons/{person}/health-code", new { healthCode = k % 4 == 0 ? "yellow" : "green" }),
                _ => await client.GetAsync("/api/v1/persons?q=居民&pageSize=20"),
            };
            answers.Add(new Answer($"{UserOf(user)} #{k} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: {await Body(response)}", response.StatusCode));
        }

        return answers;
    }

    /// <summary>A new tube of three people nobody else swabs.</summary>
    private static object[] ScanBatch(World world, int sampler, int batch)
    {
        var first = ((sampler * (RequestsPerUser / 2)) + batch) * ScansPerTube;
        return [.. Enumerable.Range(0, ScansPerTube).Select(i => new
        {
            clientId = $"load-{sampler}-{batch}-{i}",
            tubeBarcode = $"LOAD-{sampler:D2}-{batch:D2}",
            idNumber = world.FreeIdNumbers[first + i],
            sampledAt = DateTimeOffset.UtcNow,
            samplingPoint = "吉源社区广场",
        })];
    }

    private static async Task<string> Body(HttpResponseMessage response) =>
        (int)response.StatusCode >= 400 ? await response.Content.ReadAsStringAsync() : string.Empty;
}
