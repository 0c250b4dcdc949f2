using Fangkong.Data;
using Fangkong.Passes;
using Microsoft.EntityFrameworkCore;
using static Fangkong.Demo.DemoPassesActing;

namespace Fangkong.Demo;

/// <summary>
/// Passes and a checkpoint in use: 吉林福源馆's supply truck and a community worker apply, the
/// county approves one and rejects another, and the checkpoint on 大东街道's edge scans the
/// approved pass (allowed), a revoked one and a forged code (both refused).
/// </summary>
public static class DemoPasses
{
    public sealed record Report(int Applied, int Approved, int Scans, int Allowed, int Refused);

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Passes.AnyAsync(ct) || await db.Checkpoints.AnyAsync(ct))
        {
            return null;
        }

        var unit = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Name == "吉林福源馆食品集团有限责任公司", ct);
        var holders = await db.Persons.AsNoTracking().Where(p => p.RegionCode.StartsWith(DemoSetup.County)).OrderBy(p => p.Id).Take(3)
            .Select(p => new { p.Name, p.DocumentNumber }).ToListAsync(ct);
        if (unit is null || holders.Count < 3)
        {
            return null;
        }

        var now = time.GetUtcNow();
        await using var county = As(db, time, "chuanying", DemoSetup.County);
        Must(await SetQuota.HandleAsync(county, time, new SetQuota.Command(unit.Id, nameof(PassKind.SupplyTransport), 5), ct), "quota");
        long[] ids = new long[3];
        string[] plates = ["吉B12345", "吉B67890", "吉B24680"];
        for (var i = 0; i < 3; i++)
        {
            ids[i] = Must(await ApplyForPass.HandleAsync(county, time, new ApplyForPass.Command(
                nameof(PassKind.SupplyTransport), unit.Id, [DemoSetup.County], holders[i].Name, holders[i].DocumentNumber, plates[i],
                "保供物资配送：福源馆食品至船营区各社区", now.AddHours(-2), now.AddDays(7)), ct), "apply").Id;
        }

        var tokens = new List<string>();
        foreach (var id in ids.Take(2))
        {
            Must(await DecidePass.ApproveAsync(county, time, id, ct), "approve");
            tokens.Add((await county.Passes.AsNoTracking().SingleAsync(p => p.Id == id, ct)).Token!);
        }

        Must(await DecidePass.RevokeAsync(county, time, ids[1], "车辆司机核酸异常，吊销 (driver's test abnormal)", ct), "revoke");
        Must(await DecidePass.RejectAsync(county, time, ids[2], "材料不全 (papers incomplete)", ct), "reject");
        var checkpoint = Must(await Checkpoints.CreateAsync(county, new Checkpoints.Command(
            "大东街道北口卡点", "220204003", "吉林大街与越山路交汇处", 43.8640, 126.5340, "卡点值守人员 kadian"), ct), "checkpoint");

        await using var officer = As(db, time, "kadian", DemoSetup.County);
        var scans = new List<RecordPassScans.Scan>
        {
            new("demo:scan:1", tokens[0], now.AddMinutes(-50)),
            new("demo:scan:2", tokens[0], now.AddMinutes(-10)),
            new("demo:scan:3", tokens[1], now.AddMinutes(-30)),
            new("demo:scan:4", "FK1.forged.not-a-signature", now.AddMinutes(-20)),
        };
        var outcomes = Must(await RecordPassScans.HandleAsync(officer, time, checkpoint.Id, scans, ct), "scan");
        return new Report(3, 2, outcomes.Count, outcomes.Count(o => o.Allowed), outcomes.Count(o => !o.Allowed));
    }
}
