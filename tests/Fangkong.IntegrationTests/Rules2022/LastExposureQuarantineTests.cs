using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Stay;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 1 of issue 15: the quarantine of close and secondary contacts counts from the last exposure,
/// not from identification, wherever a quarantine day is computed (check-in test days, release, home watches).
/// </summary>
public sealed class LastExposureQuarantineTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    /// <summary>Under the 9th edition a secondary contact stays home 7 days.</summary>
    private static readonly DateOnly NinthDay = new(2022, 7, 10);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ACloseContactFoundFiveDaysLate_IsTestedOnItsExposureDays_AndReleasedOnDay15AfterExposure_NotADayEarlier(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var exposed = Day1.AddDays(-5);
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community, exposedOn: exposed));
        var task = await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4));

        var checkedIn = (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(5)))).Value!;

        // Days 1 and 4 (3/15, 3/18) were over before the contact was found; days 7 and 14 remain.
        checkedIn.TestDays.ShouldBe([exposed.AddDays(6), exposed.AddDays(13)]);
        foreach (var day in checkedIn.TestDays)
        {
            // The last one as 双采双检 (two samples, two labs), which the 8th edition asks for before release (rule 4).
            var dual = day == checkedIn.TestDays[^1];
            (await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(
                placement.Id, At(day, 15), "negative", null, null, dual ? "吉林市疾控中心" : null, dual ? "金域医学检验所" : null, dual ? "negative" : null))).IsSuccess.ShouldBeTrue();
        }

        // A test on a day of its own (not scheduled) is numbered on the same calendar: day 10 after the exposure, not day 5 after identification.
        var extra = await RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, At(exposed.AddDays(9), 15), "negative", null, null));
        (extra.Value!.Scheduled, extra.Value.DayNumber).ShouldBe((false, 10));

        var releaseDay = exposed.AddDays(14);
        var early = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, At(releaseDay.AddDays(-1), 16)));
        early.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        early.Error.Message.ShouldContain($"最早 {releaseDay:yyyy-MM-dd}");

        var released = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, At(releaseDay, 9)));

        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        await using var check = database.NewContext();
        (await check.Contacts.SingleAsync()).ReleasedOn.ShouldBe(releaseDay);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HomeQuarantine_RunsFromTheLastExposure_AndAContactFoundAfterItsPeriodGetsNoWatch(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        // 7 home days: exposed 6 days before identification, the last day is the day it is found; 7 days before, the period is over.
        await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay, exposedOn: NinthDay.AddDays(-6));
        await ContactAsync(db, "CMJ-2", Wang, "王芳", WebTestData.OtherCommunity, ContactKind.Secondary, NinthDay, exposedOn: NinthDay.AddDays(-7));

        var opened = (await OpenHomeWatches.FromContactOrdersAsync(db, Time)).Value!;

        opened.Count.ShouldBe(1);
        var watch = await db.HomeWatches.AsNoTracking().SingleAsync();
        (watch.ContactNo, watch.StartsOn, watch.EndsOn).ShouldBe(("CMJ-1", NinthDay.AddDays(-6), NinthDay));
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
}
