using Fangkong.ClosedLoop;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Organisations;
using Fangkong.Persons;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.ClosedLoop;

/// <summary>
/// A supply-guarantee enterprise in 吉源社区 with four staff (two delivery, two production) on the
/// WebTestData regions, and helpers to swab them at given China times.
/// </summary>
internal sealed class ClosedLoopWorld
{
    public static readonly DateOnly Day = new(2022, 3, 28);

    public static readonly string Driver1 = WebTestData.IdNumberFor(WebTestData.Community, "19800101", 21);
    public static readonly string Driver2 = WebTestData.IdNumberFor(WebTestData.Community, "19800102", 23);
    public static readonly string Worker1 = WebTestData.IdNumberFor(WebTestData.Community, "19800103", 25);
    public static readonly string Worker2 = WebTestData.IdNumberFor(WebTestData.Community, "19800104", 27);

    private int _sequence;
    private long _round;

    private ClosedLoopWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public long Unit { get; private set; }

    public long OtherCountyUnit { get; private set; }

    public static async Task<ClosedLoopWorld> CreateAsync(TestDatabase database, bool seedWebData = true)
    {
        if (seedWebData)
        {
            await WebTestData.SeedAsync(database);
        }

        var world = new ClosedLoopWorld(database);
        await using var db = database.NewContext();
        var unit = new Organisation("吉林福源馆食品集团有限责任公司", OrganisationKind.Enterprise, WebTestData.Community);
        var other = new Organisation("兴华物流公司", OrganisationKind.Enterprise, WebTestData.OtherCountyCommunity);
        db.Organisations.AddRange(unit, other);
        foreach (var (number, name) in new[] { (Driver1, "送货甲"), (Driver2, "送货乙"), (Worker1, "生产丙"), (Worker2, "生产丁") })
        {
            db.Persons.Add(new Person(DocumentType.ResidentId, number, name, WebTestData.Community) { UpdatedAt = DateTimeOffset.UtcNow });
        }

        var at = new DateTimeOffset(Day.AddDays(-5).ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));
        var round = new TestingRound("闭环企业检测", WebTestData.County, at, at.AddDays(30), 1, "county");
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync();
        (world.Unit, world.OtherCountyUnit, world._round) = (unit.Id, other.Id, round.Id);
        return world;
    }

    /// <summary>A swab of the person at the China-local hour of <paramref name="day"/>.</summary>
    public async Task SwabAsync(string idNumber, DateOnly day, int hour)
    {
        await using var db = Database.NewContext();
        var person = await db.Persons.SingleAsync(p => p.DocumentNumber == idNumber);
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
        var tube = new Tube(_round, $"CL{++_sequence:D6}", 1, WebTestData.Community, "厂区采样点", at);
        tube.AddSample();
        db.Tubes.Add(tube);
        await db.SaveChangesAsync();
        db.Samples.Add(new Sample($"cl-{_sequence}", _round, tube.Id, WebTestData.Community, person.Id, idNumber, person.RegionCode, at, "sampler"));
        await db.SaveChangesAsync();
    }

    public static AddMember.Command Member(string idNumber, ClosedLoopRole role, string quarters, TestSchedule schedule) =>
        new(idNumber, role.ToString(), quarters, schedule.ToString(), Day.AddDays(-3));
}
