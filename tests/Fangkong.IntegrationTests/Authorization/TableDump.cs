using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Authorization;

public sealed class TableDump
{
    [Fact]
    public async Task Dump()
    {
        await using var host = await WebTestHost.StartAsync(DatabaseProvider.Sqlite);
        using var anonymous = await host.ClientAsync(waitForAudit: false);
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = OpenApiOperation.Read(document);
        var endpoints = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var lines = new List<string>();
        foreach (var op in operations)
        {
            var match = endpoints.Where(e =>
                "/" + System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!.TrimStart('/'), "{([^:}]+):[^}]+}", "{$1}").TrimEnd('/') == op.Path.TrimEnd('/')
                && (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains(op.Method) ?? false)).ToList();
            if (match.Count != 1)
            {
                lines.Add($"{op.Key}\t??? {match.Count}");
                continue;
            }

            var e = match[0];
            if (e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                lines.Add($"{op.Key}\tanyone");
                continue;
            }

            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
            if (policies.Count == 0)
            {
                lines.Add($"{op.Key}\tsigned-in");
                continue;
            }

            var roles = policies.Select(p => Permissions.RolesFor(p!).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
            var exact = Permissions.All.Where(p => Permissions.RolesFor(p).ToHashSet().SetEquals(roles)).ToList();
            lines.Add(exact.Contains(policies[^1]!) ? $"{op.Key}\t{policies[^1]}" : exact.Count > 0 ? $"{op.Key}\t{exact[0]}" : $"{op.Key}\t??? {string.Join(",", policies)} = {string.Join(",", roles)}");
        }

        await File.WriteAllLinesAsync("/tmp/audit-permission-table.tsv", lines);
    }
}
