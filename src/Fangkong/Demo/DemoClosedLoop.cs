using Fangkong.ClosedLoop;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using static Fangkong.Demo.DemoPassesActing;

namespace Fangkong.Demo;

/// <summary>
/// Seed 000's enterprise: 吉林福源馆食品集团 in a closed loop. Its delivery staff (tested morning
/// and evening) share 1号宿舍 with production staff, and one driver missed yesterday evening's
/// swab; the county's breach detection records both for supervision.
/// </summary>
public static class DemoClosedLoop
{
    public const string Enterprise = "吉林福源馆食品集团有限责任公司";

    public sealed record Report(long GroupId, int Members, DateOnly Day, int Missed, int Breaches);

    private static readonly (ClosedLoopRole Role, string Quarters, TestSchedule Schedule, bool Evening)[] Staff =
    [
        (ClosedLoopRole.Delivery, "1号宿舍楼", TestSchedule.TwiceDaily, true),
        (ClosedLoopRole.Delivery, "1号宿舍楼", TestSchedule.TwiceDaily, false),
        (ClosedLoopRole.Production, "1号宿舍楼", TestSchedule.Daily, false),
        (ClosedLoopRole.Production, "2号宿舍楼", TestSchedule.Daily, false),
        (ClosedLoopRole.Production, "2号宿舍楼", TestSchedule.Daily, false),
        (ClosedLoopRole.Other, "2号宿舍楼", TestSchedule.Daily, false),
    ];

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.ClosedLoopGroups.AnyAsync(ct))
        {
            return null;
        }

        var unit = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == Enterprise, ct);
        var staff = await db.Persons.AsNoTracking().Where(p => p.RegionCode.StartsWith(DemoSetup.County))
            .OrderByDescending(p => p.Id).Take(Staff.Length).Select(p => new { p.DocumentNumber, p.RegionCode }).ToListAsync(ct);
        if (unit is null || staff.Count < Staff.Length)
        {
            return null;
        }

        var yesterday = ChinaTime.Today(time).AddDays(-1);
        var morning = new DateTimeOffset(yesterday.ToDateTime(new TimeOnly(7, 0)), ChinaTime.Offset);
        await using var county = As(db, time, "chuanying", DemoSetup.County);
        var group = Must(await CreateGroup.HandleAsync(county, time, new CreateGroup.Command("福源馆保供闭环", unit.Id, unit.PlaceId), ct), "closed loop");
        for (var i = 0; i < Staff.Length; i++)
        {
            var (role, quarters, schedule, _) = Staff[i];
            Must(await AddMember.HandleAsync(county, time, group.Id, new AddMember.Command(staff[i].DocumentNumber, role.ToString(), quarters, schedule.ToString(), yesterday.AddDays(-10)), ct), "member");
        }

        // The loop's own sampling: everyone in the morning, the first driver again in the evening; the second driver missed it.
        var round = Must(await CreateRound.HandleAsync(db, time, new CreateRound.Command("福源馆闭环人员每日核酸", unit.RegionCode, 1, morning.AddHours(-1), TimeSpan.FromHours(48)), ct), "round");
        var scans = staff.Select((p, i) => new RecordScans.Scan($"demo:loop:am:{i}", $"FYG{i + 1:D5}", p.DocumentNumber, morning.AddMinutes(i * 3), "福源馆厂区采样点", 1, unit.RegionCode))
            .Concat(staff.Where((_, i) => Staff[i].Evening).Select((p, i) => new RecordScans.Scan($"demo:loop:pm:{i}", $"FYG{100 + i:D5}", p.DocumentNumber, morning.AddHours(12), "福源馆厂区采样点", 1, unit.RegionCode)))
            .ToList();
        Must(await RecordScans.HandleAsync(db, round.Id, scans, ct), "swabs");
        Must(await RecordResults.HandleAsync(db, time, scans.Select((s, i) => new RecordResults.Row(i + 1, s.TubeBarcode, "negative", null, null, morning.AddHours(14), "吉林市疾病预防控制中心")).ToList(), ct), "results");

        var compliance = Must(await CheckCompliance.HandleAsync(county, group.Id, yesterday, audit: false, ct: ct), "compliance");
        var detected = Must(await DetectBreaches.HandleAsync(county, time, yesterday, group.Id, ct), "breaches");
        return new Report(group.Id, Staff.Length, yesterday, compliance.Missed, detected.New);
    }
}
