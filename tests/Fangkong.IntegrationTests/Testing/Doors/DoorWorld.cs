using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Residences;

namespace Fangkong.IntegrationTests.Testing.Doors;

/// <summary>
/// 吉源社区 with two compounds: 吉源小区 (1号楼 1单元 rooms 1201, 101, 1101, 301 registered in that
/// order; 2号楼 1单元 room 101) and 松花小区 (1号楼 1单元 room 502); plus the shared world's 张伟
/// and 李娜 without an address. A round over the county, and a community worker of 松北一区.
/// </summary>
internal sealed class DoorWorld
{
    public const string OtherCommunityWorker = "songbei";

    public long Round { get; private set; }

    public long Jiyuan { get; private set; }

    public long Songhua { get; private set; }

    public long JiyuanBuilding2 { get; private set; }

    public long OtherCommunityBuilding { get; private set; }

    public long OtherCommunityCompound { get; private set; }

    /// <summary>Names in address order (compound, building, unit, room numerically, then id).</summary>
    public static IReadOnlyList<string> AddressOrder { get; } =
        ["张伟", "李娜", "吉源1-101", "吉源1-301", "吉源1-1101", "吉源1-1201", "吉源2-101", "松花1-502"];

    public static string IdNumberOf(int sequence) => WebTestData.IdNumberFor(WebTestData.Community, "19700101", 100 + sequence);

    public static async Task<DoorWorld> CreateAsync(WebTestHost host, HttpClient county)
    {
        var world = new DoorWorld();
        await using (var db = host.Database.NewContext())
        {
            var jiyuan = new Compound(WebTestData.Community, "吉源小区");
            var songhua = new Compound(WebTestData.Community, "松花小区");
            var other = new Compound(WebTestData.OtherCommunity, "松北小区");
            db.Compounds.AddRange(jiyuan, songhua, other);
            await db.SaveChangesAsync();
            var j1 = new Building(jiyuan, "1号楼");
            var j2 = new Building(jiyuan, "2号楼");
            var s1 = new Building(songhua, "1号楼");
            var o1 = new Building(other, "1号楼");
            db.Buildings.AddRange(j1, j2, s1, o1);
            await db.SaveChangesAsync();
            var (u1, u2, u3) = (new BuildingUnit(j1, "1单元"), new BuildingUnit(j2, "1单元"), new BuildingUnit(s1, "1单元"));
            db.BuildingUnits.AddRange(u1, u2, u3);
            await db.SaveChangesAsync();
            var sequence = 0;
            Person At(string name, Building b, BuildingUnit u, string room) =>
                new(DocumentType.ResidentId, IdNumberOf(++sequence), name, WebTestData.Community)
                {
                    CompoundId = b.CompoundId, BuildingId = b.Id, BuildingUnitId = u.Id, Room = room,
                    Phone = $"1390432{2000 + sequence}", UpdatedAt = DateTimeOffset.UtcNow,
                };
            // Registered out of order, so that neither the id nor the room as text gives the order.
            db.Persons.AddRange(
                At("松花1-502", s1, u3, "502"),
                At("吉源1-1201", j1, u1, "1201"),
                At("吉源1-101", j1, u1, "101"),
                At("吉源2-101", j2, u2, "101"),
                At("吉源1-1101", j1, u1, "1101"),
                At("吉源1-301", j1, u1, "301"));
            await db.SaveChangesAsync();
            (world.Jiyuan, world.Songhua, world.JiyuanBuilding2) = (jiyuan.Id, songhua.Id, j2.Id);
            (world.OtherCommunityCompound, world.OtherCommunityBuilding) = (other.Id, o1.Id);
        }

        await AddOtherCommunityWorkerAsync(host.Database);
        using var created = await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "船营区第一轮", regionCode = WebTestData.County, poolSize = 10 });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        world.Round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        return world;
    }

    /// <summary>Swabs one person (by identity number) in the round, as a sampling point does.</summary>
    public async Task SampleAsync(HttpClient sampler, string idNumber, string tube)
    {
        var batch = new { scans = new[] { new { clientId = $"door-{idNumber}", tubeBarcode = tube, idNumber, sampledAt = DateTimeOffset.UtcNow, samplingPoint = "吉源社区广场" } } };
        using var posted = await sampler.PostAsJsonAsync($"/api/v1/testing/rounds/{Round}/scans", batch);
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("outcome").GetString().ShouldBe("recorded");
    }

    public string List(string? query = null) => $"/api/v1/testing/rounds/{Round}/not-sampled?community={WebTestData.Community}{query}";

    /// <summary>Every page of the list by following <c>next</c>, as names, with the number of pages.</summary>
    public static async Task<(List<string> Names, int Pages)> AllPagesAsync(HttpClient client, string first, Func<int, Task>? betweenPages = null)
    {
        var names = new List<string>();
        var url = first;
        var pages = 0;
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            pages++;
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()!));
            if (page.GetProperty("next").GetString() is not { } next)
            {
                return (names, pages);
            }

            if (betweenPages is not null)
            {
                await betweenPages(pages);
            }

            url = $"{first}&after={Uri.EscapeDataString(next)}";
        }
    }

    private static async Task AddOtherCommunityWorkerAsync(TestDatabase database)
    {
        await TestUsers.AddAsync(database, (OtherCommunityWorker, Roles.CommunityWorker, WebTestData.OtherCommunity));
    }
}
