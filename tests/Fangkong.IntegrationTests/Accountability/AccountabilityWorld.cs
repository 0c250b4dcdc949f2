using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// What the accountability tests add to <see cref="WebTestData"/>: a city inspector (jijian), an
/// inspector of 昌邑区, a second city inspector who approves notices, a city command centre, and
/// the counties of seed 000 that the test data lacks.
/// </summary>
public static class AccountabilityWorld
{
    public const string City = "2202";
    public const string Longtan = "220203";
    public const string Panshi = "220284";

    public static IReadOnlyDictionary<string, (string Role, string Region)> Users { get; } = new Dictionary<string, (string, string)>
    {
        ["jijian"] = (Roles.Inspector, City),
        // A second inspector of the city: the other pair of eyes that approves a notice.
        ["jijian-reviewer"] = (Roles.Inspector, City),
        ["jijian-changyi"] = (Roles.Inspector, WebTestData.OtherCounty),
        ["city"] = (Roles.CommandCentre, City),
    };

    public static async Task SeedAsync(TestDatabase database)
    {
        await using (var db = database.NewContext())
        {
            db.Regions.AddRange(new Region(RegionCode.Parse(Longtan), "龙潭区"), new Region(RegionCode.Parse(Panshi), "磐石市"));
            await db.SaveChangesAsync();
        }

        await TestUsers.AddAsync(database.Settings, Users);
    }

    public static async Task<WebTestHost> StartAsync(DatabaseProvider provider)
    {
        var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        return host;
    }

    /// <summary>Creates a case and returns its id (asserting success).</summary>
    public static async Task<long> CreateAsync(HttpClient client, object command)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/accountability/cases", command);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    public static async Task DecideAsync(HttpClient client, long id, string body = "吉林市纪委监委", string on = "2022-04-09")
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/accountability/cases/{id}/decide", new { decidingBody = body, decidedOn = on });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A small valid case in <paramref name="region"/>.</summary>
    public static object Simple(string region, string name = "李明", params string[] measures) => new
    {
        region,
        title = "在疫情防控工作中履职不力，导致辖区发生聚集性疫情问题",
        facts = "未严格执行封闭管理规定",
        consequence = "造成不良影响",
        incidentDate = "2022-03-20",
        officials = new[]
        {
            new { name, unit = "船营区民政局", post = "副局长", region, responsibility = "领导责任", responsibilityNote = (string?)null, measures = measures.Length == 0 ? ["诫勉"] : measures },
        },
    };
}
