using Fangkong.Data;
using Fangkong.Organisations;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// The key places and units of the demo city that the seeds name (seed 000: 吉林市第二人民医院,
/// 吉林福源馆食品集团, 船营区第二十五小学校, 船营区's four nursing homes), with plausible others
/// (hotels later used as quarantine sites, a market, a supermarket, a construction site), and
/// the officials of the units. Official names are synthetic: the demo does not reuse the names
/// of the real people in the notices.
/// </summary>
public static class DemoPlaces
{
    private sealed record PlaceSeed(string Name, PlaceKind Kind, string Region, string Address, bool SupplyGuarantee = false);

    private sealed record UnitSeed(string Name, OrganisationKind Kind, string Region, string? Place, params (string Post, bool PartyMember)[] Officials);

    private static readonly PlaceSeed[] Places =
    [
        new("吉林市第二人民医院", PlaceKind.Hospital, "220204003001", "吉林市船营区"),
        new("吉林福源馆食品集团有限责任公司", PlaceKind.Enterprise, "220204400", "吉林船营经济开发区", SupplyGuarantee: true),
        new("船营区第二十五小学校", PlaceKind.School, "220204008002", "吉林市船营区长春路街道"),
        new("船营区康乐养老院", PlaceKind.NursingHome, "220204005001", "吉林市船营区向阳街道"),
        new("船营区福寿养老院", PlaceKind.NursingHome, "220204007001", "吉林市船营区致和街道"),
        new("船营区夕阳红养老院", PlaceKind.NursingHome, "220204010001", "吉林市船营区北山街道"),
        new("船营区颐和养老院", PlaceKind.NursingHome, "220204100001", "吉林市船营区大绥河镇"),
        new("船营区松江宾馆", PlaceKind.Hotel, "220204002001", "吉林市船营区南京街道"),
        new("船营区江城快捷酒店", PlaceKind.Hotel, "220204004001", "吉林市船营区青岛街道"),
        new("船营区北山大酒店", PlaceKind.Hotel, "220204010002", "吉林市船营区北山街道"),
        new("船营区东市场农贸市场", PlaceKind.Market, "220204001001", "吉林市船营区德胜街道"),
        new("船营区欧亚综合超市", PlaceKind.Supermarket, "220204009001", "吉林市船营区临江街道", SupplyGuarantee: true),
        new("船营区滨江棚改工地", PlaceKind.ConstructionSite, "220204011001", "吉林市船营区黄旗街道"),
    ];

    private static readonly UnitSeed[] Units =
    [
        new("吉林市疫情防控指挥部", OrganisationKind.GovernmentDepartment, "2202", null, ("指挥部办公室主任", true), ("指挥部办公室副主任", true)),
        new("吉林市卫生健康委员会", OrganisationKind.GovernmentDepartment, "2202", null, ("党组书记、主任", true), ("党组成员、副主任", true)),
        new("吉林市第二人民医院", OrganisationKind.Hospital, "220204003001", "吉林市第二人民医院", ("院长", true), ("感控科主任", false)),
        new("中共吉林市船营区委员会", OrganisationKind.PartyCommittee, "220204", null, ("区委书记", true), ("区委常委、副区长", true)),
        new("吉林市船营区人民政府", OrganisationKind.GovernmentDepartment, "220204", null, ("区长", true)),
        new("船营区民政局", OrganisationKind.GovernmentDepartment, "220204", null, ("局长", true), ("副局长", true)),
        new("船营区工业和信息化局", OrganisationKind.GovernmentDepartment, "220204", null, ("局长", true)),
        new("吉林船营经济开发区党工委", OrganisationKind.PartyCommittee, "220204400", null, ("党工委书记、管委会主任", true)),
        new("吉林福源馆食品集团有限责任公司", OrganisationKind.Enterprise, "220204400", "吉林福源馆食品集团有限责任公司", ("总经理", false), ("防疫专员", false)),
        new("船营区第二十五小学校", OrganisationKind.School, "220204008002", "船营区第二十五小学校", ("副校长", true), ("信息技术中心主任", false)),
        new("中共船营区大东街道工作委员会", OrganisationKind.PartyCommittee, "220204003", null, ("党工委书记", true)),
        new("吉源社区居民委员会", OrganisationKind.CommunityCommittee, "220204003001", null, ("党委书记、主任", true), ("网格员", false)),
    ];

    /// <summary>Adds the places, units and officials that are not there yet. Returns how many rows it added.</summary>
    public static async Task<int> SeedAsync(FangkongDbContext db, int seed = 2022, CancellationToken ct = default)
    {
        var random = new Random(seed);
        var added = 0;
        var existingPlaces = await db.Places.Select(p => p.Name).ToListAsync(ct);
        foreach (var p in Places.Where(p => !existingPlaces.Contains(p.Name)))
        {
            db.Places.Add(new Place(p.Name, p.Kind, p.Region, p.Address, p.SupplyGuarantee));
            added++;
        }

        await db.SaveChangesAsync(ct);
        var placeIds = await db.Places.ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        var existingUnits = await db.Organisations.Select(o => o.Name).ToListAsync(ct);
        foreach (var u in Units.Where(u => !existingUnits.Contains(u.Name)))
        {
            var unit = new Organisation(u.Name, u.Kind, u.Region, u.Place is null ? null : placeIds[u.Place]);
            db.Organisations.Add(unit);
            await db.SaveChangesAsync(ct);
            foreach (var (post, party) in u.Officials)
            {
                db.Officials.Add(new Official(unit, ChineseNames.Next(random, random.NextDouble() < 0.6), post, party));
                added++;
            }

            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }
}
