using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Auditing;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Fangkong.IntegrationTests.Authorization;

/// <summary>
/// The authorization suite's id routes (issue 14): every operation of the OpenAPI document whose
/// route names a record is called, as every role, with a real record of that kind (<see cref="RecordKinds"/>,
/// <see cref="RecordFixtures"/>) by a user whose jurisdiction holds it and by a user of the
/// neighbouring county. Inside, a role the permission table allows must reach the record (any
/// answer but 403, 404 or 5xx: a body the suite cannot know may still be refused as invalid).
/// Outside, the same role must get 404 or 403, and the refusal must be in the audit log. A route
/// naming a record of a kind without a fixture fails here until the kind is added.
/// </summary>
public sealed class IdRouteSuiteTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryIdRoute_AsEveryRole_WithARecordInsideAndOneOutsideTheJurisdiction_AnswersAsThePermissionTableSays(DatabaseProvider provider)
    {
        var clock = Stopwatch.StartNew();
        await using var host = await WebTestHost.StartAsync(provider, seed: RecordFixtures.SeedAsync);
        var seeded = clock.Elapsed;
        var users = Roles.All.SelectMany(r => new[]
        {
            new Caller("in-" + r.Name, r.Name, RecordFixtures.Inside, Inside: true),
            new Caller("out-" + r.Name, r.Name, RecordFixtures.Outside, Inside: false),
        }).ToList();
        await TestUsers.AddAsync(host.Database, [.. users.Select(u => (u.Name, u.Role, u.Region))]);
        var (ids, missing) = await RecordFixtures.FindAsync(host.Database);
        missing.ShouldBeEmpty($"Kinds of record without a fixture: seed one in {nameof(RecordFixtures)}: " + string.Join("; ", missing));
        var table = PermissionTable.Load();

        using var anonymous = await host.ClientAsync(waitForAudit: false);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var found = OpenApiOperation.Read(document)
            .Where(o => !AuthorizationSuiteTests.IsSession(o) && RecordParameters(o).Any())
            .Select(o => (Operation: o, Kinds: RecordParameters(o).ToDictionary(p => p, p => RecordKinds.ByRoute.GetValueOrDefault(RecordKinds.RouteTo(o.Path, p.Name)))))
            .ToList();
        var unknown = found.SelectMany(r => r.Kinds.Where(k => k.Value is null).Select(k => $"{RecordKinds.RouteTo(r.Operation.Path, k.Key.Name)} ({r.Operation.Key})")).Distinct().ToList();
        unknown.ShouldBeEmpty(
            $"Route parameters that name a record of no known kind: add each to {nameof(RecordKinds)}.{nameof(RecordKinds.ByRoute)} with a record in {nameof(RecordFixtures)} "
            + $"(or to {nameof(RecordKinds.NotRecords)} with the reason it names no record): " + string.Join("; ", unknown));
        var routes = found.Select(r => (r.Operation, Kinds: r.Kinds.ToDictionary(k => k.Key, k => k.Value!))).ToList();

        var clients = new List<(Caller Caller, HttpClient Client)>();
        foreach (var user in users)
        {
            clients.Add((user, await host.ClientAsync(user.Name, waitForAudit: false)));
        }

        var failures = new List<string>();
        var refusedOutside = new List<(string User, string Path, string Call)>();
        var insideStatus = new Dictionary<(string Operation, string Role), int>();
        var deleted = new HashSet<string>(StringComparer.Ordinal);
        var calls = 0;
        try
        {
            foreach (var (operation, kinds) in routes)
            {
                var scoped = kinds.Values.Any(k => k.Scoped);
                foreach (var (caller, client) in clients)
                {
                    var url = Url(operation, kinds, ids, caller.Region);
                    using var response = await SendAsync(client, operation, url);
                    calls++;
                    var status = (int)response.StatusCode;
                    var body = await AuthorizationSuiteTests.BodyAsync(response);
                    var call = $"{operation.Key} [{(caller.Inside ? "inside" : "outside")}: {url}] as {caller.Role} of {caller.Region} → {status}";
                    var failure = Judge(operation.Key, caller.Role, status, body, table.Allows(operation.Key, caller.Role), outside: scoped && !caller.Inside, insideStatus.GetValueOrDefault((operation.Key, caller.Role)));
                    if (failure is not null && caller.Inside && status == 404 && deleted.Contains(operation.Key))
                    {
                        // An earlier role's DELETE removed the record: there is nothing left to find.
                        failure = null;
                    }

                    if (caller.Inside && operation.Method == "DELETE" && status is >= 200 and < 300)
                    {
                        deleted.Add(operation.Key);
                    }

                    if (caller.Inside)
                    {
                        insideStatus[(operation.Key, caller.Role)] = status;
                    }

                    if (failure is not null)
                    {
                        failures.Add($"{call}: {failure} ({AuthorizationSuiteTests.Excerpt(body)})");
                    }
                    else if (scoped && !caller.Inside && table.Allows(operation.Key, caller.Role) && status is 403 or 404)
                    {
                        refusedOutside.Add((caller.Name, url.Split('?')[0], call));
                    }
                }
            }
        }
        finally
        {
            clients.ForEach(c => c.Client.Dispose());
        }

        // Every refusal of a record outside the caller's jurisdiction is a line of the audit log.
        await host.App.Services.GetRequiredService<AuditWriter>().FlushAsync();
        await using (var db = host.Database.NewContext())
        {
            var lines = (await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.Refused && a.UserName.StartsWith("out-"))
                .Select(a => new { a.UserName, a.EntityKey }).ToListAsync())
                .Select(a => (a.UserName, a.EntityKey)).ToHashSet();
            failures.AddRange(refusedOutside.Where(r => !lines.Contains((r.User, r.Path))).Select(r => $"{r.Call}: refused, but no audit line of the refusal"));
        }

        output.WriteLine($"{provider}: {routes.Count} id routes, {ids.Count} kinds of record, {calls} calls ({refusedOutside.Count} refusals outside checked in the audit log); "
            + $"seeding {seeded.TotalSeconds:F0} s, whole test {clock.Elapsed.TotalSeconds:F0} s");
        calls.ShouldBe(routes.Count * users.Count);
        refusedOutside.ShouldNotBeEmpty();
        failures.ShouldBeEmpty($"{failures.Count} of {calls} calls answered against the permission table or the jurisdiction:\n" + string.Join("\n", failures));
    }

    /// <summary>Null when the answer is right; otherwise what is wrong with it.</summary>
    /// <param name="insideStatus">The same role's answer on the record inside its jurisdiction (callers inside are asked first).</param>
    private static string? Judge(string operation, string role, int status, string body, bool allowed, bool outside, int insideStatus)
    {
        if (status >= 500)
        {
            return "a server error";
        }

        if (!allowed)
        {
            return status is >= 200 and < 300 ? "succeeded though the table forbids it"
                : status != 403 ? "a role without the permission must get 403"
                : null;
        }

        if (status == 403 && !body.Contains("\"detail\"", StringComparison.Ordinal))
        {
            return "the table allows this role, but the endpoint's policy refused";
        }

        if (outside)
        {
            return status is 403 or 404 ? null
                : status == 400 && insideStatus == 400 && RecordKinds.ValidatedFirst.Contains(operation) ? null
                : "a record outside the caller's jurisdiction must be refused with 404 or 403";
        }

        if (status == 403 && RecordKinds.RefusedByDesign.TryGetValue(operation, out var byDesign) && byDesign.Roles.Contains(role))
        {
            return null;
        }

        return status is 403 or 404 ? "refused a record inside the caller's jurisdiction" : null;
    }

    /// <summary>With a valid body where <see cref="RecordKinds.Bodies"/> has one, else the suite's empty one.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, OpenApiOperation operation, string url)
    {
        if (!RecordKinds.Bodies.TryGetValue(operation.Key, out var json))
        {
            return await AuthorizationSuiteTests.SendAsync(client, operation, url);
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        request.Content = new StringContent(RecordKinds.Body(json), System.Text.Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    /// <summary>The path parameters that may name a record: all but those <see cref="RecordKinds.NotRecords"/> explains.</summary>
    private static IEnumerable<OpenApiParameter> RecordParameters(OpenApiOperation operation) =>
        operation.Parameters.Where(p => p.In == "path" && !RecordKinds.NotRecords.ContainsKey(RecordKinds.RouteTo(operation.Path, p.Name)));

    private static string Url(OpenApiOperation operation, Dictionary<OpenApiParameter, RecordKinds.Kind> kinds, Dictionary<RecordKinds.Kind, long> ids, string region)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var p in operation.Parameters)
        {
            var value = kinds.TryGetValue(p, out var kind) ? ids[kind].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : AuthorizationSuiteTests.IsRegion(p) ? region
                : AuthorizationSuiteTests.DefaultValue(p);
            if (p.In == "path")
            {
                path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (p.In == "query" && (p.Required || AuthorizationSuiteTests.IsRegion(p)))
            {
                query.Add($"{p.Name}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private sealed record Caller(string Name, string Role, string Region, bool Inside);
}
