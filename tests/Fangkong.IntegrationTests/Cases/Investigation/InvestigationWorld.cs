using System.Globalization;
using Fangkong.Cases;
using Fangkong.Cases.Investigation;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Places;
using Fangkong.Regions;
using Fangkong.Residences;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases.Investigation;

/// <summary>
/// One case 陈刚 in 吉源社区 reported on a given day, with the people each source should or should
/// not propose, placed on both sides of each threshold: household, unit, tubes sampled just inside
/// and just outside the 2- and 4-day look-back, and scans at ±2 h and ±2 h 1 min of the case's scan.
/// </summary>
public sealed class InvestigationWorld
{
    public static readonly TimeSpan China = Fangkong.Common.ChinaTime.Offset;

    private InvestigationWorld(DateOnly reportedOn) => ReportedOn = reportedOn;

    public DateOnly ReportedOn { get; }

    public long CaseId { get; private set; }

    public long PlaceId { get; private set; }

    public long OtherPlaceId { get; private set; }

    public const string CaseNo = "JL-100";

    public static string Case => Id(11);

    /// <summary>Same household number, same unit: household and building unit.</summary>
    public static string HouseholdMember => Id(12);

    /// <summary>Same unit and same room, no household number: household (room) and unit.</summary>
    public static string RoomMate => Id(13);

    /// <summary>Same unit, another room: building unit only.</summary>
    public static string Neighbour => Id(14);

    /// <summary>Another unit: never proposed.</summary>
    public static string OtherUnit => Id(15);

    /// <summary>In tube A, sampled at the first instant of the 8th edition window (D-2 00:00).</summary>
    public static string TubeAMember => Id(16);

    /// <summary>Unregistered, in tube A.</summary>
    public static string TubeAVisitor => "E12345678";

    /// <summary>In tube B, sampled at D-3 23:59: outside the 8th edition's 2 days, inside the 9th's 4.</summary>
    public static string TubeBMember => Id(17);

    /// <summary>In tube C, sampled at D-5 23:59: outside both.</summary>
    public static string TubeCMember => Id(18);

    /// <summary>Scanned the case's place exactly 2 h before the case.</summary>
    public static string ScanMinus2h => Id(19);

    /// <summary>Scanned 2 h 1 min before.</summary>
    public static string ScanMinus2h1m => Id(20);

    /// <summary>Scanned exactly 2 h after.</summary>
    public static string ScanPlus2h => Id(21);

    /// <summary>Scanned 2 h 1 min after.</summary>
    public static string ScanPlus2h1m => Id(22);

    /// <summary>Scanned another place at the same time.</summary>
    public static string ScanElsewhere => Id(23);

    public static string Id(int sequence) => WebTestData.IdNumberFor(WebTestData.Community, "19800101", sequence);

    public DateTimeOffset At(int dayOffset, int hour, int minute = 0) =>
        new(ReportedOn.AddDays(dayOffset).ToDateTime(new TimeOnly(hour, minute)), China);

    public DateTimeOffset CaseScan => At(-1, 12);

    public static async Task EnsureRegionsAsync(FangkongDbContext db)
    {
        if (await db.Regions.AnyAsync())
        {
            return;
        }

        foreach (var (code, name) in new[]
        {
            ("22", "吉林省"), ("2202", "吉林市"),
            (WebTestData.OtherCounty, "昌邑区"), ("220202001", "兴华街道"), (WebTestData.OtherCountyCommunity, "东厂宅社区"),
            (WebTestData.County, "船营区"), (WebTestData.Street, "大东街道"), (WebTestData.Community, "吉源社区"), (WebTestData.OtherCommunity, "松北一区社区"),
        })
        {
            db.Regions.Add(new Region(RegionCode.Parse(code), name));
        }

        await db.SaveChangesAsync();
    }

    public static async Task<InvestigationWorld> SeedAsync(TestDatabase database, DateOnly reportedOn)
    {
        var world = new InvestigationWorld(reportedOn);
        await using var db = database.NewContext();
        await EnsureRegionsAsync(db);

        var compound = new Compound(WebTestData.Community, "吉源小区");
        db.Compounds.Add(compound);
        await db.SaveChangesAsync();
        var building = new Building(compound, "3号楼");
        db.Buildings.Add(building);
        await db.SaveChangesAsync();
        var unit = new BuildingUnit(building, "2单元");
        var otherUnit = new BuildingUnit(building, "1单元");
        db.BuildingUnits.AddRange(unit, otherUnit);
        await db.SaveChangesAsync();

        db.Persons.AddRange(
            Resident("陈刚", 11, "H-1", unit.Id, "201"),
            Resident("陈丽", 12, "H-1", unit.Id, "201"),
            Resident("周敏", 13, null, unit.Id, "201"),
            Resident("吴强", 14, "H-2", unit.Id, "202"),
            Resident("郑华", 15, "H-3", otherUnit.Id, "101"),
            Resident("孙丽", 16, null, null, null),
            Resident("钱进", 17, null, null, null),
            Resident("冯涛", 18, null, null, null),
            Resident("褚红", 19, null, null, null),
            Resident("卫东", 20, null, null, null),
            Resident("蒋平", 21, null, null, null),
            Resident("沈阳", 22, null, null, null),
            Resident("韩梅", 23, null, null, null));
        var place = new Place("东市场", PlaceKind.Market, WebTestData.Community);
        var otherPlace = new Place("北山公园", PlaceKind.Market, WebTestData.Community);
        db.Places.AddRange(place, otherPlace);
        var round = new TestingRound("全员核酸", WebTestData.County, world.At(-6, 0), world.At(1, 0), 10, "test");
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync();
        world.PlaceId = place.Id;
        world.OtherPlaceId = otherPlace.Id;

        await AddTubeAsync(db, round, "TA-1", world.At(-2, 0), Case, TubeAMember, TubeAVisitor);
        await AddTubeAsync(db, round, "TB-1", world.At(-3, 23, 59), Case, TubeBMember);
        await AddTubeAsync(db, round, "TC-1", world.At(-5, 23, 59), Case, TubeCMember);

        db.CheckIns.AddRange(
            new CheckIn(null, Case, place.Id, WebTestData.Community, world.CaseScan),
            new CheckIn(null, ScanMinus2h, place.Id, WebTestData.Community, world.CaseScan.AddHours(-2)),
            new CheckIn(null, ScanMinus2h1m, place.Id, WebTestData.Community, world.CaseScan.AddHours(-2).AddMinutes(-1)),
            new CheckIn(null, ScanPlus2h, place.Id, WebTestData.Community, world.CaseScan.AddHours(2)),
            new CheckIn(null, ScanPlus2h1m, place.Id, WebTestData.Community, world.CaseScan.AddHours(2).AddMinutes(1)),
            new CheckIn(null, ScanElsewhere, otherPlace.Id, WebTestData.Community, world.CaseScan));
        await db.SaveChangesAsync();

        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
            CsvHeaders.LineList,
            $"{CaseNo},陈刚,{Case},{WebTestData.Community},confirmed,mild,{reportedOn:yyyy-MM-dd},,,"));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
        world.CaseId = await db.Cases.Where(c => c.CaseNo == CaseNo).Select(c => c.Id).SingleAsync();
        return world;
    }

    /// <summary>Opens the investigation and lists the proposed candidates by identity number.</summary>
    public async Task<IReadOnlyList<CandidateView>> CandidatesAsync(FangkongDbContext db, CandidateSettings? settings = null, string? status = null)
    {
        var opened = await OpenInvestigation.HandleAsync(db, CaseId, DateTimeOffset.UtcNow);
        opened.IsSuccess.ShouldBeTrue(opened.Error?.Message);
        var listed = await ListCandidates.HandleAsync(db, CaseId, status, settings ?? CandidateSettings.Default, DateTimeOffset.UtcNow);
        listed.IsSuccess.ShouldBeTrue(listed.Error?.Message);
        return listed.Value!;
    }

    private static async Task AddTubeAsync(FangkongDbContext db, TestingRound round, string barcode, DateTimeOffset at, params string[] members)
    {
        var tube = new Tube(round.Id, barcode, 10, WebTestData.County, "吉源社区采样点", at);
        db.Tubes.Add(tube);
        await db.SaveChangesAsync();
        foreach (var member in members)
        {
            db.Samples.Add(new Sample(
                string.Create(CultureInfo.InvariantCulture, $"{barcode}-{member}"), round.Id, tube.Id, WebTestData.County, null, member, null, at, "采样员"));
            tube.AddSample();
        }

        await db.SaveChangesAsync();
    }

    private static Person Resident(string name, int sequence, string? household, long? unitId, string? room) =>
        new(DocumentType.ResidentId, Id(sequence), name, WebTestData.Community)
        {
            HouseholdNo = household,
            BuildingUnitId = unitId,
            Room = room,
            UpdatedAt = DateTimeOffset.UtcNow,
        };
}
