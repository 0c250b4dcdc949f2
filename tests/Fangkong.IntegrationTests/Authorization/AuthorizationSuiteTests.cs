using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Auditing;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Authorization;

/// <summary>
/// The permanent authorization suite (issue 14): every operation of the OpenAPI document, called
/// as every role and anonymously, inside the caller's jurisdiction and, where the route names a
/// region or a resident, outside it; each answer is compared with <see cref="PermissionTable"/>.
/// A new endpoint fails here until it has a row; a role that the table forbids must never get a
/// 2xx; nobody ever gets a 500. It runs on both providers, as every data test does: a 500 or a
/// leak can come from a query that one provider translates differently (docs/audit-and-authorization.md
/// has its run time).
/// </summary>
public sealed class AuthorizationSuiteTests
{
    private const string Inside = WebTestData.County;
    private const string Outside = WebTestData.OtherCounty;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryOperation_AsEveryRole_InsideAndOutsideTheJurisdiction_AnswersAsThePermissionTableSays(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var users = Roles.All.Select(r => (Name: "suite-" + r.Name, Role: r.Name)).ToList();
        await TestUsers.AddAsync(host.Database, [.. users.Select(u => (u.Name, u.Role, Inside))]);
        var residents = await ResidentsAsync(host);
        var table = PermissionTable.Load();

        using var anonymous = await host.ClientAsync(waitForAudit: false);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = OpenApiOperation.Read(document);

        var missing = operations.Where(o => !table.Contains(o.Key)).Select(o => o.Key).ToList();
        missing.ShouldBeEmpty(
            $"Operations without a row in tests/Fangkong.IntegrationTests/Authorization/{PermissionTable.FileName}: add one per operation, "
            + $"'METHOD /path<TAB>permission' (a permission of Fangkong.Access.Permissions, '{PermissionTable.SignedIn}' or '{PermissionTable.Anyone}'): "
            + string.Join("; ", missing));
        var stale = table.Operations.Except(operations.Select(o => o.Key)).ToList();
        stale.ShouldBeEmpty($"Rows of {PermissionTable.FileName} for operations that no longer exist: remove them: " + string.Join("; ", stale));

        var clients = new List<(string Role, HttpClient Client)>();
        foreach (var (name, role) in users)
        {
            clients.Add((role, await host.ClientAsync(name, waitForAudit: false)));
        }

        var failures = new List<string>();
        var calls = 0;
        try
        {
            foreach (var operation in operations.Where(o => !IsSession(o)))
            {
                foreach (var variant in Variants(operation, residents))
                {
                    using (var response = await SendAsync(anonymous, operation, variant))
                    {
                        calls++;
                        Judge(failures, operation, variant, "anonymous", response, allowed: table.IsPublic(operation.Key), signedIn: false, await BodyAsync(response));
                    }

                    foreach (var (role, client) in clients)
                    {
                        using var response = await SendAsync(client, operation, variant);
                        calls++;
                        Judge(failures, operation, variant, role, response, table.Allows(operation.Key, role), signedIn: true, await BodyAsync(response));
                    }
                }
            }
        }
        finally
        {
            clients.ForEach(c => c.Client.Dispose());
        }

        calls.ShouldBeGreaterThan(operations.Count * Roles.All.Count);
        failures.ShouldBeEmpty($"{failures.Count} of {calls} calls answered against the permission table:\n" + string.Join("\n", failures));
    }

    /// <summary>Signing in and out is the client's own business: every identity may, and the suite needs them untouched.</summary>
    internal static bool IsSession(OpenApiOperation operation) => operation.Path == "/api/v1/session";

    private static void Judge(List<string> failures, OpenApiOperation operation, Variant variant, string who, HttpResponseMessage response, bool allowed, bool signedIn, string body)
    {
        var status = (int)response.StatusCode;
        var call = $"{operation.Key} [{variant.Name}: {variant.Url}] as {who} → {status}";
        if (status >= 500)
        {
            failures.Add($"{call}: a server error ({Excerpt(body)})");
        }
        else if (!allowed && status is >= 200 and < 300)
        {
            failures.Add($"{call}: succeeded though the table forbids it to {who}");
        }
        else if (!allowed && !signedIn && status != 401)
        {
            failures.Add($"{call}: anonymous callers must get 401");
        }
        else if (!allowed && signedIn && status != 403)
        {
            failures.Add($"{call}: a role without the permission must get 403");
        }
        else if (allowed && signedIn && status == 403 && !body.Contains("\"detail\"", StringComparison.Ordinal))
        {
            // A bare 403 comes from the policy; a use case that refuses says why (detail).
            failures.Add($"{call}: the table allows {who}, but the endpoint's policy refused");
        }
        else if (allowed && signedIn && variant.Outside && status is >= 200 and < 300 && operation.Method == "GET" && LeaksOutside(body, variant))
        {
            failures.Add($"{call}: answered with data of another jurisdiction ({Excerpt(body)})");
        }
    }

    /// <summary>An answer about another jurisdiction's region or resident must not carry its records.</summary>
    private static bool LeaksOutside(string body, Variant variant) =>
        variant.OutsideMarker is { } marker && body.Contains(marker, StringComparison.Ordinal);

    internal static Task<HttpResponseMessage> SendAsync(HttpClient client, OpenApiOperation operation, Variant variant) =>
        SendAsync(client, operation, variant.Url);

    internal static async Task<HttpResponseMessage> SendAsync(HttpClient client, OpenApiOperation operation, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), url);
        request.Content = operation.BodyType switch
        {
            null => null,
            var t when t.Contains("json", StringComparison.Ordinal) => new StringContent("{}", Encoding.UTF8, "application/json"),
            "multipart/form-data" => new MultipartFormDataContent(),
            "application/x-www-form-urlencoded" => new FormUrlEncodedContent([]),
            var t => new ByteArrayContent([]) { Headers = { ContentType = new(t) } },
        };
        return await client.SendAsync(request);
    }

    internal static async Task<string> BodyAsync(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is { } type && (type.Contains("json", StringComparison.Ordinal) || type.StartsWith("text/", StringComparison.Ordinal))
            ? await response.Content.ReadAsStringAsync()
            : string.Empty;

    internal static string Excerpt(string body) => body.Length > 200 ? body[..200] + "…" : body;

    /// <summary>A call inside the jurisdiction, and one outside it where the route names a region or a resident.</summary>
    internal static IEnumerable<Variant> Variants(OpenApiOperation operation, Residents residents)
    {
        var scoped = operation.Parameters.Any(p => IsRegion(p) || (IsId(p) && IsPersonRoute(operation)));
        yield return new Variant("inside", Url(operation, residents, outside: false), Outside: false, null);
        if (scoped)
        {
            var marker = operation.Parameters.Any(p => IsId(p) && IsPersonRoute(operation)) ? residents.OutsideName : Outside + "001";
            yield return new Variant("outside", Url(operation, residents, outside: true), Outside: true, marker);
        }
    }

    private static string Url(OpenApiOperation operation, Residents residents, bool outside)
    {
        var path = operation.Path;
        var query = new List<string>();
        foreach (var p in operation.Parameters)
        {
            var value = ValueOf(operation, p, residents, outside);
            if (p.In == "path")
            {
                path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else if (p.In == "query" && (p.Required || IsRegion(p)))
            {
                query.Add($"{p.Name}={Uri.EscapeDataString(value)}");
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private static string ValueOf(OpenApiOperation operation, OpenApiParameter p, Residents residents, bool outside)
    {
        if (IsRegion(p))
        {
            return outside ? Outside : Inside;
        }

        if (IsId(p) && IsPersonRoute(operation))
        {
            return (outside ? residents.OutsideId : residents.InsideId).ToString(CultureInfo.InvariantCulture);
        }

        return DefaultValue(p);
    }

    /// <summary>A plausible value for a parameter that names neither a region nor a record.</summary>
    internal static string DefaultValue(OpenApiParameter p)
    {
        return p.Name switch
        {
            "format" => "txt",
            "key" => "suite-checklist",
            _ => p.Type switch
            {
                "integer" or "number" => "1",
                "boolean" => "false",
                _ when p.Name.Contains("date", StringComparison.OrdinalIgnoreCase) || p.Name is "day" or "from" or "to" => "2022-03-14",
                _ => "x",
            },
        };
    }

    internal static bool IsRegion(OpenApiParameter p) =>
        p.Name is "code" or "region" or "regionCode" or "county" or "street" or "community";

    private static bool IsId(OpenApiParameter p) => p.In == "path" && (p.Name == "id" || p.Name == "personId");

    private static bool IsPersonRoute(OpenApiOperation operation) =>
        operation.Path.StartsWith("/api/v1/persons/", StringComparison.Ordinal) || operation.Path.Contains("{personId}", StringComparison.Ordinal);

    private static async Task<Residents> ResidentsAsync(WebTestHost host)
    {
        await using var db = host.Database.NewContext();
        var inside = await db.Persons.Where(p => p.Name == "张伟").Select(p => p.Id).SingleAsync();
        var outside = await db.Persons.Where(p => p.Name == "刘洋").Select(p => p.Id).SingleAsync();
        return new Residents(inside, outside, "刘洋");
    }

    internal sealed record Residents(long InsideId, long OutsideId, string OutsideName);

    /// <param name="OutsideMarker">Text that only a record of the other jurisdiction would carry.</param>
    internal sealed record Variant(string Name, string Url, bool Outside, string? OutsideMarker);
}
