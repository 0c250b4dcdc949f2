using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Auditing;

/// <summary>Each line says where the request came from; refused attempts are lines too.</summary>
public sealed class AuditTrailTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Read_RecordsTheClientAddress_AndTheUserAgentCut(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var zhang = await AuditQueueTests.IdOfAsync(host, "张伟");
        using var county = await host.ClientAsync("county", address: IPAddress.Parse("10.20.30.40"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/persons/{zhang}");
        request.Headers.TryAddWithoutValidation("User-Agent", "FangkongProbe/1.0 " + new string('x', 1000));

        using var response = await county.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = host.Database.NewContext();
        var line = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.Read && a.UserName == "county");
        line.ClientAddress.ShouldBe("10.20.30.40");
        line.UserAgent!.ShouldStartWith("FangkongProbe/1.0 xxx");
        line.UserAgent.Length.ShouldBe(AuditEntry.UserAgentMaxLength);
        line.UserRegion.ShouldBe(WebTestData.County);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Write_RecordsTheClientAddress_InItsOwnTransaction(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var zhang = await AuditQueueTests.IdOfAsync(host, "张伟");
        using var community = await host.ClientAsync("community", address: IPAddress.Parse("2001:db8::7"));

        using var change = await community.PutAsJsonAsync($"/api/v1/persons/{zhang}/health-code", new { healthCode = "Yellow" });

        change.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = host.Database.NewContext();
        var line = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.Update && a.Entity == "Person");
        line.ClientAddress.ShouldBe("2001:db8::7");
        line.UserName.ShouldBe("community");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReadOfAnotherJurisdictionsRecord_IsRefused_AndAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var liu = await AuditQueueTests.IdOfAsync(host, "刘洋");
        using var county = await host.ClientAsync("county", address: IPAddress.Parse("10.0.0.9"));

        using var response = await county.GetAsync($"/api/v1/persons/{liu}");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = host.Database.NewContext();
        var line = await db.AuditLog.SingleAsync(a => a.Action == AuditActions.Refused);
        line.UserName.ShouldBe("county");
        line.Entity.ShouldBe("GET /api/v1/persons/{id:long}");
        line.EntityKey.ShouldBe($"/api/v1/persons/{liu}");
        line.ClientAddress.ShouldBe("10.0.0.9");
        using var detail = JsonDocument.Parse(line.After!);
        detail.RootElement.GetProperty("status").GetInt32().ShouldBe(404);
        detail.RootElement.GetProperty("reason").GetString().ShouldBe("not-found-or-outside-jurisdiction");
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Read)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CallWithoutThePermission_IsRefused_AndAudited_OnTheApiAndOnPages(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var lab = await host.ClientAsync("lab");

        using var api = await lab.GetAsync("/api/v1/persons?q=张");
        using var page = await lab.GetAsync("/persons");

        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await using var db = host.Database.NewContext();
        var lines = await db.AuditLog.Where(a => a.Action == AuditActions.Refused).OrderBy(a => a.Id).ToListAsync();
        lines.Select(l => l.Entity).ShouldBe(["GET /api/v1/persons/", "GET /persons"]);
        lines.ShouldAllBe(l => l.UserName == "lab" && l.After!.Contains("\"reason\":\"forbidden\""));
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Search)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AllowedRead_RecordsNoRefusal(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var zhang = await AuditQueueTests.IdOfAsync(host, "张伟");
        using var county = await host.ClientAsync("county");

        using var response = await county.GetAsync($"/api/v1/persons/{zhang}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await using var db = host.Database.NewContext();
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Refused)).ShouldBe(0);
    }
}
