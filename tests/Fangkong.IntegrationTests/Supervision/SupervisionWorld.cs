using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Organisations;
using Fangkong.Places;
using Fangkong.Regions;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>
/// A small world for supervision: the regions of <see cref="WebTestData"/>, units with officials
/// (吉源社区居委会, 大东街道办事处, 船营区卫健局, 吉林市卫健委, 昌邑区 community), the nursing home
/// 吉源养老院 and the unit that runs it, and two inspectors (city and county).
/// </summary>
public sealed class SupervisionWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2022, 4, 5, 1, 0, 0, TimeSpan.Zero);

    public required TestDatabase Database { get; init; }

    public required FakeTimeProvider Time { get; init; }

    public long CommunityUnit { get; private set; }

    public long CommunityOfficial { get; private set; }

    public long StreetUnit { get; private set; }

    public long CountyUnit { get; private set; }

    public long CountyOfficial { get; private set; }

    public long CityUnit { get; private set; }

    public long OtherCountyUnit { get; private set; }

    public long OtherCountyOfficial { get; private set; }

    public long NursingHome { get; private set; }

    public long NursingHomeUnit { get; private set; }

    public long NursingHomeOfficial { get; private set; }

    public static Jurisdiction Inspector => new("jijian", "2202", false);

    public static Jurisdiction CountyInspector => new("chuanying-jw", WebTestData.County, false);

    public static Jurisdiction CommunityWorker => new("community", WebTestData.Community, false);

    public static Jurisdiction OtherCountyWorker => new("changyi", WebTestData.OtherCounty, false);

    public static async Task<SupervisionWorld> CreateAsync(DatabaseProvider provider, bool users = false)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var world = new SupervisionWorld { Database = database, Time = Clocks.At(Start) };
        await world.SeedAsync(users);
        return world;
    }

    public FangkongDbContext Context(Jurisdiction? jurisdiction = null) => Database.NewContext(jurisdiction);

    /// <summary>A finding owned by 吉源社区居委会, due in 2 days, raised from a complaint.</summary>
    public async Task<long> RaiseComplaintAsync(string title = "小区封控不严，有人员随意出入", TimeSpan? due = null)
    {
        await using var db = Context(Inspector);
        var result = await RaiseFinding.HandleAsync(db, Time, new RaiseFinding.Command(
            FindingSource.Complaint, title, "12345 热线反映", FindingCategory.ClosedManagement, FindingSeverity.Major,
            CommunityUnit, CommunityOfficial, Time.GetUtcNow() + (due ?? TimeSpan.FromDays(2)), ComplaintRef: "12345-0405-001"));
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value!.Id;
    }

    private async Task SeedAsync(bool users)
    {
        await using (var db = Database.NewContext())
        {
            foreach (var (code, name) in new[]
            {
                ("22", "吉林省"), ("2202", "吉林市"),
                (WebTestData.OtherCounty, "昌邑区"), ("220202001", "兴华街道"), (WebTestData.OtherCountyCommunity, "东厂宅社区"),
                (WebTestData.County, "船营区"), (WebTestData.Street, "大东街道"), (WebTestData.Community, "吉源社区"), (WebTestData.OtherCommunity, "松北一区社区"),
            })
            {
                db.Regions.Add(new Region(RegionCode.Parse(code), name));
            }

            var home = new Place("吉源养老院", PlaceKind.NursingHome, WebTestData.Community, "吉林市船营区大东街道吉源路 8 号");
            db.Places.Add(home);
            await db.SaveChangesAsync();
            NursingHome = home.Id;

            (CommunityUnit, CommunityOfficial) = await UnitAsync(db, "吉源社区居委会", OrganisationKind.CommunityCommittee, WebTestData.Community, "王社区", "社区党委书记");
            (StreetUnit, _) = await UnitAsync(db, "大东街道办事处", OrganisationKind.GovernmentDepartment, WebTestData.Street, "李街道", "街道办事处主任");
            (CountyUnit, CountyOfficial) = await UnitAsync(db, "船营区卫生健康局", OrganisationKind.GovernmentDepartment, WebTestData.County, "赵区卫", "局长");
            (CityUnit, _) = await UnitAsync(db, "吉林市卫生健康委员会", OrganisationKind.GovernmentDepartment, "2202", "钱市卫", "主任");
            (OtherCountyUnit, OtherCountyOfficial) = await UnitAsync(db, "东厂宅社区居委会", OrganisationKind.CommunityCommittee, WebTestData.OtherCountyCommunity, "孙社区", "社区主任");
            (NursingHomeUnit, NursingHomeOfficial) = await UnitAsync(db, "吉源养老院", OrganisationKind.Other, WebTestData.Community, "周院长", "院长", home.Id);
        }

        if (users)
        {
            await AddUsersAsync();
        }
    }

    private static async Task<(long Unit, long Official)> UnitAsync(FangkongDbContext db, string name, OrganisationKind kind, string region, string person, string post, long? place = null)
    {
        var unit = new Organisation(name, kind, region, place);
        db.Organisations.Add(unit);
        await db.SaveChangesAsync();
        var official = new Official(unit, person, post, isPartyMember: true);
        db.Officials.Add(official);
        await db.SaveChangesAsync();
        return (unit.Id, official.Id);
    }

    private async Task AddUsersAsync()
    {
        await TestUsers.AddAsync(
            Database,
            ("jijian", Roles.Inspector, "2202"), ("chuanying-jw", Roles.Inspector, WebTestData.County), ("community", Roles.CommunityWorker, WebTestData.Community));
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public async Task<Finding> FindingAsync(long id)
    {
        await using var db = Context();
        return await db.Findings.AsNoTracking().SingleAsync(f => f.Id == id);
    }
}
