using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Quarantine.Transfers;
using Fangkong.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Stay;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Quarantine.Stay;

/// <summary>The stay at the site: sampling tasks and round exemptions at check-in, release by the order's criteria, disinfection and turnover.</summary>
public sealed class StayTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckIn_SchedulesTheOrdersTestDays_AndExemptsThePersonFromTheOpenRoundOfHisArea(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var round = new TestingRound("船营区第一轮", WebTestData.County, T0, T0.AddHours(24), 10, "test");
        var otherArea = new TestingRound("昌邑区第一轮", WebTestData.OtherCounty, T0, T0.AddHours(24), 10, "test");
        var closed = new TestingRound("船营区上一轮", WebTestData.County, T0.AddDays(-3), T0.AddDays(-2), 10, "test");
        db.TestingRounds.AddRange(round, otherArea, closed);
        await db.SaveChangesAsync();
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        var task = await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4));

        var checkedIn = (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(5)))).Value!;

        checkedIn.TestDays.ShouldBe([Day1, Day1.AddDays(3), Day1.AddDays(6), Day1.AddDays(13)]);
        checkedIn.RoundsExempted.ShouldBe(1);
        var exemption = await db.RoundExemptions.AsNoTracking().SingleAsync();
        (exemption.RoundId, exemption.Kind).ShouldBe((round.Id, ExemptionKind.Quarantine));
        var before = (await ListDueTests.HandleAsync(db, Time, Day1.AddDays(3), site.Id)).Value!;
        before.Tests.Select(t => (t.DayNumber, t.Overdue)).ShouldBe([(1, true), (4, false)]);
        (await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, Sampled(1), "negative", null, null))).IsSuccess.ShouldBeTrue();
        var due = (await ListDueTests.HandleAsync(db, Time, Day1.AddDays(3), site.Id)).Value!;
        var row = due.Tests.ShouldHaveSingleItem();
        (row.Name, row.DayNumber, row.Room, row.Overdue).ShouldBe(("张伟", 4, "0101", false));
        (await ListDueTests.HandleAsync(db, Time, Day1.AddDays(4), site.Id)).Value!.Tests.Single().Overdue.ShouldBeTrue();
        (await ExemptInQuarantine.HandleAsync(db, Time, round.Id)).Value!.Count.ShouldBe(0);
        var later = new TestingRound("船营区第二轮", WebTestData.Street, T0.AddDays(2), T0.AddDays(3), 10, "test");
        db.TestingRounds.Add(later);
        await db.SaveChangesAsync();
        (await ExemptInQuarantine.HandleAsync(db, Time, later.Id)).Value!.Count.ShouldBe(1);
        (await ExemptInQuarantine.HandleAsync(db, Time, later.Id)).Value!.Count.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ContactRelease_OneDayEarly_IsRefused_MissingOrPositiveTestsToo_AndOnDay15WithAllNegativeTheRoomTurnsOver(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var contact = await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community);
        var placement = await PlaceContactAsync(db, site, contact);
        var task = await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4));
        await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(5)));
        var day15 = new DateTimeOffset(Day1.AddDays(14).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        foreach (var d in new[] { 1, 4, 7 })
        {
            (await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, Sampled(d), "negative", null, null))).IsSuccess.ShouldBeTrue();
        }

        var missing = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, day15));
        missing.Error!.Message.ShouldContain("第 14 天");
        // The 8th edition asks for 双采双检 on the last test before release (issue 15, rule 4): two samples, two labs.
        (await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, Sampled(14), "negative", null, null, "吉林市疾控中心", "金域医学检验所", "negative"))).IsSuccess.ShouldBeTrue();
        (await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, Sampled(14), "positive", 30, 31))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        var early = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, day15.AddDays(-1)));
        early.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        early.Error.Message.ShouldContain("最早 2022-04-03");

        var released = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, day15));

        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        (released.Value!.SpaceState, released.Value.MonitoringUntil).ShouldBe((SpaceState.AwaitingDisinfection, new DateOnly(2022, 4, 9)));
        await using var check = database.NewContext();
        (await check.Contacts.SingleAsync()).ReleasedOn.ShouldBe(new DateOnly(2022, 4, 3));
        var watch = await check.HomeWatches.SingleAsync();
        (watch.Kind, watch.StartsOn, watch.EndsOn, watch.IdNumber).ShouldBe((HomeWatchKind.HealthMonitoring, new DateOnly(2022, 4, 3), new DateOnly(2022, 4, 9), Zhang));
        var room = await check.QuarantineRooms.SingleAsync(r => r.Id == placement.RoomId);
        (await Disinfect.HandleAsync(check, Time, new Disinfect.Command(room.Id, null, day15.AddMinutes(-1)))).Error!.Field.ShouldBe("at");
        var done = (await Disinfect.HandleAsync(check, Time, new Disinfect.Command(room.Id, null, day15.AddHours(5.5)))).Value!;
        (done.State, done.TurnoverHours).ShouldBe((SpaceState.Available, 5.5));
        var report = (await TurnoverReport.HandleAsync(check, Time, T0)).ShouldHaveSingleItem();
        report.AwaitingDisinfection.ShouldBeEmpty();
        var timeline = (await PersonTimeline.HandleAsync(check, placement.Id)).Value!;
        timeline.Events.Select(e => e.Step).ShouldBe(
            ["identified", "placed", "dispatched", "pickedUp", "arrived", "checkedIn", "tested", "tested", "tested", "tested", "released", "homeMonitoring", "disinfected"]);
        timeline.HoursToCheckIn.ShouldBe(5);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ContactRelease_WithAPositiveTest_IsRefused(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        var task = await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4));
        await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(5)));
        foreach (var (d, result) in new[] { (1, "negative"), (4, "positive"), (7, "negative"), (14, "negative") })
        {
            (await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, Sampled(d), result, null, null))).IsSuccess.ShouldBeTrue();
        }

        var refused = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, Sampled(15)));

        refused.Error!.Message.ShouldContain("第 4 天检测阳性");
        (await db.Placements.AsNoTracking().SingleAsync()).State.ShouldBe(PlacementState.CheckedIn);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CaseRelease_Ct349_IsRefused_Ct35Twice23HoursApartToo_And35Twice24HoursApartDischarges(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var shelter = await QuarantineWorld.SiteAsync(db, "吉林市方舱医院", kind: SiteKind.ShelterHospital);
        var found = await CaseAsync(db, "JL-1", Zhang, "张伟", WebTestData.Community, Severity.Mild);
        var placement = await PlaceCaseAsync(db, shelter, found);
        var task = await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4));
        (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(5)))).Value!.TestDays.ShouldBeEmpty();
        var first = Sampled(10);
        await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, first, "positive", 34.9, 36));
        await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, first.AddHours(24), "positive", 36, 37));
        var low = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, first.AddHours(30)));
        low.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        low.Error.Message.ShouldContain("目前满足 1 次");

        await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, first.AddHours(47), "positive", 35, 35));
        var close = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, first.AddHours(48)));
        close.Error!.Message.ShouldContain("目前满足 1 次");

        await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, first.AddHours(72), "positive", 35, 35.5));
        var released = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, first.AddHours(73)));

        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        // From 2022-03-15 the 9th treatment plan judges the release, while the 8th prevention plan is still in force.
        released.Value!.Criterion.ShouldContain(TreatmentPlan.Ninth);
        await using var check = database.NewContext();
        var discharged = await check.Cases.SingleAsync();
        (discharged.Outcome, discharged.OutcomeOn).ShouldBe((CaseOutcome.Discharged, ChinaTime.DayOf(first.AddHours(73))));
        var watch = await check.HomeWatches.SingleAsync();
        (watch.Kind, watch.CaseNo, watch.EndsOn.DayNumber - watch.StartsOn.DayNumber + 1).ShouldBe((HomeWatchKind.HealthMonitoring, "JL-1", 7));
        (await check.HospitalBeds.SingleAsync(b => b.Id == placement.BedId)).State.ShouldBe(SpaceState.AwaitingDisinfection);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Release_OutsideTheJurisdiction_IsNotFound(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        long placementId;
        await using (var db = database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
            var task = await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4));
            await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(5)));
            placementId = placement.Id;
        }

        await using var changyi = database.NewContext(As(WebTestData.OtherCounty));
        (await Release.HandleAsync(changyi, Time, new Release.Command(placementId, Sampled(15)))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await RecordStayTest.HandleAsync(changyi, Time, new RecordStayTest.Command(placementId, Sampled(4), "negative", null, null))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await PersonTimeline.HandleAsync(changyi, placementId)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    /// <summary>15:00 China time on day <paramref name="day"/> of the quarantine (after the check-in of day 1).</summary>
    private static DateTimeOffset Sampled(int day) => new(Day1.AddDays(day - 1).ToDateTime(new TimeOnly(15, 0)), TimeSpan.FromHours(8));
}
