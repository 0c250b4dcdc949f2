using Fangkong.Access;
using Fangkong.ClosedLoop;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.InfectionFree;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.ClosedLoop.ClosedLoopWorld;

namespace Fangkong.IntegrationTests.ClosedLoop;

/// <summary>Closed loops: compliance from the samples, breaches detected from the data, jurisdiction.</summary>
public sealed class ClosedLoopTests
{
    private static readonly Jurisdiction CountyWorker = new("county", WebTestData.County, SeesFullIdentity: false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Compliance_TwiceDailyNeedsMorningAndEvening_DailyNeedsOne_FromTheSamples(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CreateAsync(database);
        var group = await GroupAsync(database, world);
        await using (var db = database.NewContext(CountyWorker))
        {
            (await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Driver1, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.TwiceDaily))).IsSuccess.ShouldBeTrue();
            (await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Driver2, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.TwiceDaily))).IsSuccess.ShouldBeTrue();
            (await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Worker1, ClosedLoopRole.Production, "2号宿舍", TestSchedule.Daily))).IsSuccess.ShouldBeTrue();
        }

        await world.SwabAsync(Driver1, Day, 7);
        await world.SwabAsync(Driver1, Day, 19);
        await world.SwabAsync(Driver2, Day, 11);   // morning only: the 11:00 swab does not cover the evening
        await world.SwabAsync(Worker1, Day, 23);
        await world.SwabAsync(Driver2, Day.AddDays(-1), 20);   // another day counts for nothing

        await using var read = database.NewContext(CountyWorker);
        var report = (await CheckCompliance.HandleAsync(read, group, Day)).Value!;

        report.Due.ShouldBe(5);
        report.Missed.ShouldBe(1);
        var driver2 = report.Members.Single(m => m.Name == "送货乙");
        driver2.Slots.Select(s => s.Tested).ShouldBe([true, false]);
        driver2.IdNumber.ShouldBe(Masking.IdNumber(Driver2));
        report.Members.Single(m => m.Name == "生产丙").Missed.ShouldBe(0);
        (await read.AuditLog.CountAsync(a => a.Entity == nameof(ClosedLoopMember) && a.Action == "search")).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DetectBreaches_DeliverySharingWithProduction_AndMissedSwab_AreRecordedOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CreateAsync(database);
        var group = await GroupAsync(database, world);
        await using (var db = database.NewContext(CountyWorker))
        {
            await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Driver1, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.Daily));
            await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Worker1, ClosedLoopRole.Production, "1号宿舍", TestSchedule.Daily));
            await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Driver2, ClosedLoopRole.Delivery, "3号宿舍", TestSchedule.Daily));
            await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Worker2, ClosedLoopRole.Production, "2号宿舍", TestSchedule.Daily));
        }

        foreach (var number in new[] { Driver1, Driver2, Worker1 })
        {
            await world.SwabAsync(number, Day, 9);
        }

        await using var detect = database.NewContext(CountyWorker);
        var first = (await DetectBreaches.HandleAsync(detect, TimeProvider.System, Day)).Value!;
        var again = (await DetectBreaches.HandleAsync(detect, TimeProvider.System, Day)).Value!;

        (first.SharedQuarters, first.MissedTests, first.New).ShouldBe((1, 1, 2));
        again.New.ShouldBe(0);
        var breaches = (await ListBreaches.HandleAsync(detect, group, 1, 50)).Items;
        breaches.Select(b => b.Kind).OrderBy(k => k).ShouldBe([BreachKind.SharedQuarters, BreachKind.MissedTest]);
        breaches.Single(b => b.Kind == BreachKind.SharedQuarters).Detail.ShouldContain("1号宿舍");
        breaches.Single(b => b.Kind == BreachKind.MissedTest).Detail.ShouldContain("生产丁");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DeliveryStaffTogether_WithoutProduction_IsNoBreach(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CreateAsync(database);
        var group = await GroupAsync(database, world);
        await using var db = database.NewContext(CountyWorker);
        await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Driver1, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.EveryOtherDay));
        await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Driver2, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.EveryOtherDay));

        // Joined 3 days before: the day is an odd day of the every-other-day schedule, nothing is due.
        var detected = (await DetectBreaches.HandleAsync(db, TimeProvider.System, Day)).Value!;

        (detected.SharedQuarters, detected.MissedTests, detected.New).ShouldBe((0, 0, 0));
        var dueNextDay = (await CheckCompliance.HandleAsync(db, group, Day.AddDays(1), audit: false)).Value!;
        dueNextDay.Due.ShouldBe(2);

        // At 10:00 of the next day neither has been swabbed, but the day is not over: nothing is missed yet.
        var morning = Clocks.NoonInChina(Day.AddDays(1)).GetUtcNow().AddHours(-2);
        var open = (await CheckCompliance.HandleAsync(db, group, Day.AddDays(1), audit: false, asOf: morning)).Value!;
        (open.Due, open.Missed).ShouldBe((2, 0));
        (await DetectBreaches.HandleAsync(db, Clocks.NoonInChina(Day.AddDays(1)), Day.AddDays(1))).Value!.MissedTests.ShouldBe(0);
        (await DetectBreaches.HandleAsync(db, Clocks.NoonInChina(Day.AddDays(2)), Day.AddDays(1))).Value!.MissedTests.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OtherCounty_GroupAndUnit_AreInvisible_AndMembersMustBeRegistered(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CreateAsync(database);
        var group = await GroupAsync(database, world);
        var changyi = new Jurisdiction("changyi", WebTestData.OtherCounty, false);
        await using var db = database.NewContext(changyi);

        (await CheckCompliance.HandleAsync(db, group, Day)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await AddMember.HandleAsync(db, TimeProvider.System, group, Member(Driver1, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.Daily))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await CreateGroup.HandleAsync(db, TimeProvider.System, new CreateGroup.Command(null, world.Unit, null))).Error!.Field.ShouldBe("organisationId");
        (await ListGroups.HandleAsync(db)).ShouldBeEmpty();

        await using var own = database.NewContext(CountyWorker);
        var stranger = await AddMember.HandleAsync(own, TimeProvider.System, group, Member(WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5), ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.Daily));
        stranger.Error!.Field.ShouldBe("idNumber");
        var badRole = await AddMember.HandleAsync(own, TimeProvider.System, group, Member(Driver1, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.Daily) with { Role = "pilot" });
        badRole.Error!.Field.ShouldBe("role");
    }

    private static async Task<long> GroupAsync(TestDatabase database, ClosedLoopWorld world)
    {
        await using var db = database.NewContext(CountyWorker);
        var created = await CreateGroup.HandleAsync(db, Clocks.NoonInChina(Day), new CreateGroup.Command(null, world.Unit, null));
        created.IsSuccess.ShouldBeTrue(created.Error?.Message);
        return created.Value!.Id;
    }
}
