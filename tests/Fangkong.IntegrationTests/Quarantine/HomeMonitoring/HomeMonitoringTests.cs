using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine.HomeMonitoring;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Quarantine.HomeMonitoring;

/// <summary>People at home: watches from home orders, daily check-ins and their thresholds, missing check-ins, breaches and their report delay.</summary>
public sealed class HomeMonitoringTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    /// <summary>Under the 9th edition a secondary contact stays home 7 days (no central quarantine).</summary>
    private static readonly DateOnly NinthDay1 = new(2022, 7, 1);

    private static readonly HomeMonitoringSettings Settings = new();

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HomeOrders_OpenAWatchForTheSecondaryContactAtHome_NotForTheCloseContactInCentralQuarantine_Once(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community, ContactKind.Close, NinthDay1);
        await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay1);

        var opened = await OpenHomeWatches.FromContactOrdersAsync(db, Time);

        opened.Value!.Count.ShouldBe(1);
        var watch = await db.HomeWatches.AsNoTracking().SingleAsync();
        (watch.ContactNo, watch.Kind, watch.StartsOn, watch.EndsOn, watch.Phone).ShouldBe(("CMJ-1", HomeWatchKind.HomeQuarantine, NinthDay1, NinthDay1.AddDays(6), "13904321002"));
        (await OpenHomeWatches.FromContactOrdersAsync(db, Time)).Value!.Count.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckIn_FeverFrom373_OutOfRangeOrOutsideTheWatchRefused_AndTheMissingListHoldsWhoDidNotReport(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay1);
        await ContactAsync(db, "CMJ-2", Wang, "王芳", WebTestData.OtherCommunity, ContactKind.Secondary, NinthDay1);
        await OpenHomeWatches.FromContactOrdersAsync(db, Time);
        var li = await db.HomeWatches.AsNoTracking().SingleAsync(w => w.ContactNo == "CMJ-1");
        var day2 = NinthDay1.AddDays(1);

        var normal = (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, day2, 37.2m, []))).Value!;
        (normal.Fever, normal.Abnormal, normal.DayNumber, normal.Outcome).ShouldBe((false, false, 2, RecordHomeCheckIn.Outcome.Recorded));
        var fever = (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, day2, 37.3m, ["咳嗽"]))).Value!;
        (fever.Fever, fever.Abnormal, fever.Outcome).ShouldBe((true, true, RecordHomeCheckIn.Outcome.Updated));
        (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, day2, 37.3m, ["咳嗽"]))).Value!.Outcome.ShouldBe(RecordHomeCheckIn.Outcome.Unchanged);
        (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, day2, 33.9m, []))).Error!.Field.ShouldBe("temperature");
        (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, day2, null, []))).Error!.Field.ShouldBe("temperature");
        (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, NinthDay1.AddDays(7), 36.5m, []))).Error!.Field.ShouldBe("day");
        (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, NinthDay1.AddDays(-1), 36.5m, []))).Error!.Field.ShouldBe("day");
        (await RecordHomeCheckIn.HandleAsync(db, Time, new RecordHomeCheckIn.Command(li.Id, NinthDay1.AddDays(6), 36.5m, []))).IsSuccess.ShouldBeTrue();

        var missing = (await ListHomeWatches.HandleAsync(db, Time, new ListHomeWatches.Query(day2, null, null, Missing: true, null, null))).Value!;
        missing.Page.Items.Select(r => r.Name).ShouldBe(["王芳"]);
        var all = (await ListHomeWatches.HandleAsync(db, Time, new ListHomeWatches.Query(day2, null, null, Missing: false, null, null))).Value!;
        all.Page.Items.Single(r => r.Name == "李娜").Temperature.ShouldBe(37.3m);
        var detail = (await GetHomeWatch.HandleAsync(db, Time, Settings, li.Id)).Value!;
        detail.MissingDays.ShouldBe([NinthDay1, NinthDay1.AddDays(2), NinthDay1.AddDays(3), NinthDay1.AddDays(4), NinthDay1.AddDays(5)]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Breach_ReportedTwoHoursLater_IsOnTime_TwoHoursAndAMinute_IsLate_AndBadTimesAreRefused(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay1);
        await OpenHomeWatches.FromContactOrdersAsync(db, Time);
        var watch = await db.HomeWatches.AsNoTracking().SingleAsync();
        var left = new DateTimeOffset(NinthDay1.AddDays(2).ToDateTime(new TimeOnly(7, 30)), TimeSpan.FromHours(8));

        var onTime = (await RecordBreach.HandleAsync(db, Time, Settings, Breach(watch.Id, left, left.AddHours(2)))).Value!;
        var late = (await RecordBreach.HandleAsync(db, Time, Settings, Breach(watch.Id, left.AddHours(3), left.AddHours(5).AddMinutes(1)))).Value!;
        var seedCase = (await RecordBreach.HandleAsync(db, Time, Settings, Breach(watch.Id, left.AddDays(1), left.AddDays(4)))).Value!;

        (onTime.DelayHours, onTime.Late).ShouldBe((2, false));
        (late.DelayHours, late.Late).ShouldBe((2.02, true));
        (seedCase.DelayHours, seedCase.Late).ShouldBe((72, true));
        (await RecordBreach.HandleAsync(db, Time, Settings, Breach(watch.Id, left, left.AddHours(2)))).Value!.AlreadyRecorded.ShouldBeTrue();
        (await RecordBreach.HandleAsync(db, Time, Settings, Breach(watch.Id, left.AddHours(1), left))).Error!.Field.ShouldBe("reportedAt");
        (await RecordBreach.HandleAsync(db, Time, Settings, Breach(watch.Id, left.AddDays(10), left.AddDays(10)))).Error!.Field.ShouldBe("occurredAt");
        (await RecordBreach.HandleAsync(db, Time, Settings, Breach(watch.Id, left, DateTimeOffset.UtcNow.AddHours(1)))).Error!.Field.ShouldBe("reportedAt");
        var stricter = (await RecordBreach.HandleAsync(db, Time, new HomeMonitoringSettings { BreachReportHours = 1 }, Breach(watch.Id, left, left.AddHours(2)))).Value!;
        stricter.Late.ShouldBeTrue();
        (await db.HomeBreaches.CountAsync()).ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherCountysWorker_SeesNoWatch_AndCannotRecordOnIt_AndTheListIsMasked(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        long id;
        await using (var db = database.NewContext())
        {
            await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, NinthDay1);
            await OpenHomeWatches.FromContactOrdersAsync(db, Time);
            id = (await db.HomeWatches.SingleAsync()).Id;
        }

        await using var changyi = database.NewContext(As(WebTestData.OtherCounty));
        (await ListHomeWatches.HandleAsync(changyi, Time, new ListHomeWatches.Query(NinthDay1, null, null, false, null, null))).Value!.Page.TotalCount.ShouldBe(0);
        (await RecordHomeCheckIn.HandleAsync(changyi, Time, new RecordHomeCheckIn.Command(id, NinthDay1, 36.5m, []))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await RecordBreach.HandleAsync(changyi, Time, Settings, Breach(id, Noon(NinthDay1), Noon(NinthDay1)))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await using var community = database.NewContext(As(WebTestData.Community));
        var row = (await ListHomeWatches.HandleAsync(community, Time, new ListHomeWatches.Query(NinthDay1, null, null, false, null, null))).Value!.Page.Items.Single();
        (row.IdNumber, row.Phone).ShouldBe(("220204********" + Li[14..17] + "*", "139****1002"));
        (await community.AuditLog.CountAsync(a => a.Entity == nameof(HomeWatch) && a.Action == Fangkong.Auditing.AuditActions.Search && a.UserName == "user-" + WebTestData.Community)).ShouldBe(1);
    }

    private static DateTimeOffset Noon(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));

    private static RecordBreach.Command Breach(long watch, DateTimeOffset occurred, DateTimeOffset reported) =>
        new(watch, occurred, reported, "私自驾车外出接学生", "村妇女主任");
}
