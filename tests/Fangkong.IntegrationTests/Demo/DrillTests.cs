using System.Text.Json;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo.Drills;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Demo;

/// <summary>
/// Drills (演练, <c>simulate</c>) on the replay's engine, small: the same seed and plan give the
/// same report on two databases, fewer shelter beds leave more people waiting and fewer cases
/// controlled, the report's figures are those of the rows the drill wrote, and bad plans are refused.
/// </summary>
public sealed class DrillTests
{
    private static readonly DrillPlan Small = new("A", People: 3_000, Days: 4, Seed: 7, InitialInfections: 40, QuarantineRooms: 200, ShelterBeds: 100, TransferVehicles: 2);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameSeedAndPlan_GiveTheSameReport_AndItsFiguresAreTheRowsWritten(DatabaseProvider provider)
    {
        var first = await RunAsync(provider, Small, check: async (db, report) =>
        {
            report.Cases.ShouldBe(await db.Cases.CountAsync());
            report.Cases.ShouldBe(report.Days.Sum(d => d.Social + d.UnderControl));
            report.Cases.ShouldBeGreaterThan(0);
            report.CloseContacts.ShouldBe(await db.Contacts.CountAsync(c => c.Kind == ContactKind.Close));
            report.CloseContacts.ShouldBe(report.Days.Sum(d => d.CloseContacts));
            report.Days.Sum(d => d.Placed).ShouldBe(await db.Placements.CountAsync());
            var placedCases = await db.Placements.CountAsync(p => p.CaseId != null);
            report.CasesNotControlled.ShouldBe(report.Cases - placedCases);
            report.ControlHoursMean.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(8);
        });
        var second = await RunAsync(provider, Small);
        JsonSerializer.Serialize(second).ShouldBe(JsonSerializer.Serialize(first));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FewerShelterBeds_LeaveMoreWaiting_AndFewerCasesControlled(DatabaseProvider provider)
    {
        var ample = await RunAsync(provider, Small);
        var short_ = await RunAsync(provider, Small with { Name = "B", ShelterBeds = 5 });
        short_.Days[0].ShouldBe(ample.Days[0] with { Placed = short_.Days[0].Placed, Waiting = short_.Days[0].Waiting, WaitingCases = short_.Days[0].WaitingCases }, "the first day's finds do not depend on beds");
        short_.Days.Sum(d => d.WaitingCases).ShouldBeGreaterThan(ample.Days.Sum(d => d.WaitingCases));
        short_.CasesNotControlled.ShouldBeGreaterThan(ample.CasesNotControlled);
        JsonSerializer.Serialize(short_.Days).ShouldNotBe(JsonSerializer.Serialize(ample.Days));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadPlans_AreRefused_NamingTheField_AndADatabaseInUseIsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        (await Should.ThrowAsync<ArgumentException>(() => Drill.RunAsync(db, Small with { PoolSize = 21 }))).Message.ShouldContain("poolSize");
        (await Should.ThrowAsync<ArgumentException>(() => Drill.RunAsync(db, Small with { DaysToControl = -1 }))).Message.ShouldContain("daysToControl");
        (await Should.ThrowAsync<ArgumentException>(() => Drill.RunAsync(db, Small with { Days = 47 }))).Message.ShouldContain("days");
        (await db.Persons.CountAsync()).ShouldBe(0);

        await Drill.RunAsync(db, Small with { Days = 1 });
        (await Should.ThrowAsync<InvalidOperationException>(() => Drill.RunAsync(db, Small))).Message.ShouldContain("database");
    }

    private static async Task<DrillReport> RunAsync(DatabaseProvider provider, DrillPlan plan, Func<FangkongDbContext, DrillReport, Task>? check = null)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        DrillReport report;
        await using (var db = database.NewContext())
        {
            report = await Drill.RunAsync(db, plan);
        }

        if (check is not null)
        {
            await using var db = database.NewContext();
            await check(db, report);
        }

        return report;
    }
}
