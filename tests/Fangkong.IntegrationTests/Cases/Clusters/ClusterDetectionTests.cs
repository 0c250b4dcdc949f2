using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Cases.Clusters.ClusterTestData;

namespace Fangkong.IntegrationTests.Cases.Clusters;

/// <summary>Cluster detection: the window, place kinds, idempotent runs, stable ids, growth and merging.</summary>
public sealed class ClusterDetectionTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoCasesAtOnePlace_13DaysApart_FormACluster_15DaysApart_DoNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await CasesAsync(database, ("A-1", Day0), ("A-2", Day0.AddDays(13)), ("B-1", Day0), ("B-2", Day0.AddDays(15)));
        var factory = await PlaceAsync(database, "吉林化纤厂", PlaceKind.Enterprise);
        var market = await PlaceAsync(database, "东市场", PlaceKind.Market);
        await LinkAsync(database, "A-1", factory, Day0);
        await LinkAsync(database, "A-2", factory, Day0.AddDays(13));
        await LinkAsync(database, "B-1", market, Day0);
        await LinkAsync(database, "B-2", market, Day0.AddDays(15));

        var detected = await DetectAsync(database, Day0.AddDays(30));

        detected.Formed.ShouldBe(1);
        await using var db = database.NewContext();
        var cluster = await db.Clusters.Include(c => c.Cases).SingleAsync();
        cluster.PlaceId.ShouldBe(factory);
        cluster.PlaceKind.ShouldBe(PlaceKind.Enterprise);
        cluster.IsNosocomial.ShouldBeFalse();
        cluster.NeedsSupervision.ShouldBeFalse();
        (cluster.FirstCaseOn, cluster.LastCaseOn).ShouldBe((Day0, Day0.AddDays(13)));
        var caseNos = await db.Cases.Where(c => cluster.Cases.Select(m => m.CaseId).Contains(c.Id)).Select(c => c.CaseNo).ToListAsync();
        caseNos.ShouldBe(["A-1", "A-2"], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoCasesExactly14DaysApart_AreWithinTheWindow_AndAWindowOf7DaysSplitsThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await CasesAsync(database, ("A-1", Day0), ("A-2", Day0.AddDays(14)));
        var hotel = await PlaceAsync(database, "江城宾馆", PlaceKind.Hotel);
        await LinkAsync(database, "A-1", hotel, Day0);
        await LinkAsync(database, "A-2", hotel, Day0.AddDays(14));
        await using (var db = database.NewContext())
        {
            var narrow = await DetectClusters.HandleAsync(db, new DetectClusters.Command(Day0.AddDays(20), new ClusterSettings(WindowDays: 7)));
            narrow.Value!.Formed.ShouldBe(0);
            (await DetectClusters.HandleAsync(db, new DetectClusters.Command(Day0.AddDays(20), new ClusterSettings(MinCases: 1)))).Error!.Field.ShouldBe("minCases");
        }

        (await DetectAsync(database, Day0.AddDays(13))).Formed.ShouldBe(0);
        (await DetectAsync(database, Day0.AddDays(14))).Formed.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ClusterAtAHospital_IsNosocomial_AtANursingHome_IsFlaggedForSupervision_AndTheListFiltersThem(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await CasesAsync(database, ("H-1", Day0), ("H-2", Day0.AddDays(2)), ("N-1", Day0), ("N-2", Day0.AddDays(1)));
        var hospital = await PlaceAsync(database, "吉林市中心医院", PlaceKind.Hospital);
        var home = await PlaceAsync(database, "松江养老院", PlaceKind.NursingHome);
        await LinkAsync(database, "H-1", hospital, Day0);
        await LinkAsync(database, "H-2", hospital, Day0.AddDays(2));
        await LinkAsync(database, "N-1", home, Day0);
        await LinkAsync(database, "N-2", home, Day0.AddDays(1));

        (await DetectAsync(database, Day0.AddDays(5))).Formed.ShouldBe(2);

        await using var db = database.NewContext();
        var atHospital = await db.Clusters.SingleAsync(c => c.PlaceId == hospital);
        atHospital.IsNosocomial.ShouldBeTrue();
        atHospital.NeedsSupervision.ShouldBeFalse();
        var atHome = await db.Clusters.SingleAsync(c => c.PlaceId == home);
        atHome.IsNosocomial.ShouldBeFalse();
        atHome.NeedsSupervision.ShouldBeTrue();
        atHome.PlaceKind.ShouldBe(PlaceKind.NursingHome);
        var nosocomial = await ListClusters.HandleAsync(db, new ListClusters.Query(null, true, null, null, null));
        nosocomial.Value!.Items.Select(r => r.Id).ShouldBe([atHospital.Id]);
        var homes = await ListClusters.HandleAsync(db, new ListClusters.Query("nursingHome", null, null, null, null));
        homes.Value!.Items.Select(r => r.Id).ShouldBe([atHome.Id]);
        (await ListClusters.HandleAsync(db, new ListClusters.Query("castle", null, null, null, null))).Error!.Field.ShouldBe("placeKind");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DetectionRunTwice_CreatesNothingNew(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await CasesAsync(database, ("A-1", Day0), ("A-2", Day0.AddDays(3)));
        var school = await PlaceAsync(database, "船营区第一小学", PlaceKind.School);
        await LinkAsync(database, "A-1", school, Day0);
        await LinkAsync(database, "A-2", school, Day0.AddDays(3));

        (await DetectAsync(database, Day0.AddDays(10))).Formed.ShouldBe(1);
        var again = await DetectAsync(database, Day0.AddDays(11));

        again.ShouldBe(new DetectClusters.Detected(Day0.AddDays(11), 0, 0, 0, 0, 1, 0));
        await using var db = database.NewContext();
        (await db.Clusters.CountAsync()).ShouldBe(1);
        var cluster = await db.Clusters.Include(c => c.History).Include(c => c.Cases).SingleAsync();
        cluster.History.Select(e => e.Kind).ShouldBe([ClusterEventKind.Formed]);
        cluster.Cases.Count.ShouldBe(2);
        cluster.UpdatedOn.ShouldBe(Day0.AddDays(10));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThirdCaseAtThePlace_JoinsTheExistingCluster_WithTheSameId(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await CasesAsync(database, ("A-1", Day0), ("A-2", Day0.AddDays(3)), ("A-3", Day0.AddDays(12)));
        var factory = await PlaceAsync(database, "冷链仓库", PlaceKind.Enterprise, closedLoop: true);
        await LinkAsync(database, "A-1", factory, Day0);
        await LinkAsync(database, "A-2", factory, Day0.AddDays(3));
        await DetectAsync(database, Day0.AddDays(5));
        long id;
        await using (var db = database.NewContext())
        {
            id = (await db.Clusters.SingleAsync()).Id;
        }

        await LinkAsync(database, "A-3", factory, Day0.AddDays(12));
        var detected = await DetectAsync(database, Day0.AddDays(13));

        detected.Grew.ShouldBe(1);
        detected.Formed.ShouldBe(0);
        detected.CasesAdded.ShouldBe(1);
        await using var check = database.NewContext();
        var cluster = await check.Clusters.Include(c => c.Cases).Include(c => c.History).SingleAsync();
        cluster.Id.ShouldBe(id);
        cluster.CaseCount.ShouldBe(3);
        cluster.Cases.Count.ShouldBe(3);
        cluster.LastCaseOn.ShouldBe(Day0.AddDays(12));
        cluster.NeedsSupervision.ShouldBeTrue();
        cluster.History.OrderBy(e => e.Id).Select(e => (e.Kind, e.CaseCount)).ShouldBe([(ClusterEventKind.Formed, 2), (ClusterEventKind.Grew, 3)]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TwoClustersLinkedByAHousehold_MergeIntoTheOlder_WithHistory(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var li = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);
        await CasesAsync(database,
            ("A-1", Day0, zhang, WebTestData.Community), ("A-2", Day0.AddDays(1), string.Empty, WebTestData.Community),
            ("B-1", Day0.AddDays(4), li, WebTestData.Community), ("B-2", Day0.AddDays(5), string.Empty, WebTestData.Community));
        var market = await PlaceAsync(database, "东市场", PlaceKind.Market);
        var hotel = await PlaceAsync(database, "江城宾馆", PlaceKind.Hotel);
        await LinkAsync(database, "A-1", market, Day0);
        await LinkAsync(database, "A-2", market, Day0.AddDays(1));
        await LinkAsync(database, "B-1", hotel, Day0.AddDays(4));
        await LinkAsync(database, "B-2", hotel, Day0.AddDays(5));
        (await DetectAsync(database, Day0.AddDays(6))).Formed.ShouldBe(2);
        long older, younger;
        await using (var db = database.NewContext())
        {
            older = (await db.Clusters.SingleAsync(c => c.PlaceId == market)).Id;
            younger = (await db.Clusters.SingleAsync(c => c.PlaceId == hotel)).Id;
            foreach (var person in await db.Persons.Where(p => p.DocumentNumber == zhang || p.DocumentNumber == li).ToListAsync())
            {
                person.HouseholdNo = "H-0001";
            }

            await db.SaveChangesAsync();
        }

        var detected = await DetectAsync(database, Day0.AddDays(7));

        detected.HouseholdLinksAdded.ShouldBe(2);
        detected.Merged.ShouldBe(1);
        detected.Formed.ShouldBe(0);
        await using var check = database.NewContext();
        var survivor = await check.Clusters.Include(c => c.Cases).Include(c => c.History).SingleAsync(c => c.Id == older);
        survivor.Status.ShouldBe(ClusterStatus.Active);
        survivor.CaseCount.ShouldBe(4);
        survivor.Cases.Count.ShouldBe(4);
        survivor.History.OrderBy(e => e.Id).Select(e => (e.Kind, e.OtherClusterId)).ShouldBe([(ClusterEventKind.Formed, null), (ClusterEventKind.Absorbed, (long?)younger)]);
        var merged = await check.Clusters.Include(c => c.Cases).Include(c => c.History).SingleAsync(c => c.Id == younger);
        merged.Status.ShouldBe(ClusterStatus.Merged);
        merged.MergedIntoId.ShouldBe(older);
        merged.Cases.ShouldBeEmpty();
        merged.History.OrderBy(e => e.Id).Select(e => e.Kind).ShouldBe([ClusterEventKind.Formed, ClusterEventKind.MergedInto]);
        var listed = await ListClusters.HandleAsync(check, new ListClusters.Query(null, null, null, null, null));
        listed.Value!.Items.Select(r => r.Id).ShouldBe([older]);
        (await DetectAsync(database, Day0.AddDays(8))).ShouldBe(new DetectClusters.Detected(Day0.AddDays(8), 0, 0, 0, 0, 1, 0));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameHouseholdNumber_InTheSameRegion_FormsACluster_InAnotherRegion_DoesNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var li = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);
        var wang = WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);
        await CasesAsync(database,
            ("A-1", Day0, zhang, WebTestData.Community), ("A-2", Day0.AddDays(2), li, WebTestData.Community),
            ("B-1", Day0.AddDays(1), wang, WebTestData.OtherCommunity));
        await using (var db = database.NewContext())
        {
            foreach (var person in await db.Persons.Where(p => p.DocumentNumber == zhang || p.DocumentNumber == li || p.DocumentNumber == wang).ToListAsync())
            {
                person.HouseholdNo = "0101";
            }

            await db.SaveChangesAsync();
        }

        var detected = await DetectAsync(database, Day0.AddDays(3));

        detected.HouseholdLinksAdded.ShouldBe(3);
        detected.Formed.ShouldBe(1);
        await using var check = database.NewContext();
        var cluster = await check.Clusters.Include(c => c.Cases).SingleAsync();
        cluster.Cases.Count.ShouldBe(2);
        (cluster.HouseholdNo, cluster.RegionCode, cluster.PlaceKind).ShouldBe(("0101", WebTestData.Community, (PlaceKind?)null));
        (await DetectAsync(database, Day0.AddDays(3))).HouseholdLinksAdded.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnAsymptomaticRecordAndTheConfirmedOneItConvertsTo_AreOneCase_NoClusterAlone_TwoCasesWithAHouseholdMember(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var li = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);
        await using (var db = database.NewContext())
        {
            foreach (var person in await db.Persons.Where(p => p.DocumentNumber == zhang || p.DocumentNumber == li).ToListAsync())
            {
                person.HouseholdNo = "0202";
            }

            await db.SaveChangesAsync();
            var converted = await Fangkong.Cases.ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
                CsvHeaders.LineList,
                $"Z-1,张伟,{zhang},{WebTestData.Community},asymptomatic,,{Day0:yyyy-MM-dd},,,",
                $"Z-2,张伟,{zhang},{WebTestData.Community},confirmed,mild,{Day0.AddDays(3):yyyy-MM-dd},Z-1,,"));
            converted.IsSuccess.ShouldBeTrue(converted.Error?.Message);
        }

        // 张伟's two records are one infection: alone in his household, no cluster.
        (await DetectAsync(database, Day0.AddDays(4))).Formed.ShouldBe(0);

        await CasesAsync(database, ("L-1", Day0.AddDays(5), li, WebTestData.Community));
        (await DetectAsync(database, Day0.AddDays(6))).Formed.ShouldBe(1);
        await using var check = database.NewContext();
        var cluster = await check.Clusters.Include(c => c.Cases).SingleAsync();
        var caseNos = await check.Cases.Where(c => cluster.Cases.Select(m => m.CaseId).Contains(c.Id)).Select(c => c.CaseNo).ToListAsync();
        caseNos.ShouldBe(["Z-2", "L-1"], ignoreOrder: true);
    }
}
