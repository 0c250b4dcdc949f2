using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Organisations;
using Fangkong.Passes;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Transfers;
using Fangkong.Regions;
using Fangkong.Supervision.Detectors;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Accountability.Detectors;

/// <summary>Records for the four detectors of issue 7 item 3, written as the system, on a fixed clock.</summary>
public static class DetectorWorld
{
    public const string County = "220204";
    public const string Community = "220204003001";

    /// <summary>Noon of 2026-03-10, China time: the "now" every detector test reads at.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, ChinaTime.Offset);

    public static DateOnly Today => ChinaTime.DayOf(Now);

    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) => new(day.ToDateTime(new TimeOnly(hour, minute)), ChinaTime.Offset);

    public static async Task SeedRegionsAsync(FangkongDbContext db)
    {
        foreach (var (code, name) in new[] { ("22", "吉林省"), ("2202", "吉林市"), (County, "船营区"), ("220204003", "大东街道"), (Community, "吉源社区") })
        {
            db.Regions.Add(new Region(RegionCode.Parse(code), name));
        }

        await db.SaveChangesAsync();
    }

    public static Task<IReadOnlyList<DetectedFinding>> DetectAsync(IFindingDetector detector, FangkongDbContext db, params (string Name, string Value)[] settings)
    {
        var s = DetectorSettings.Defaults(detector.Key);
        foreach (var (name, value) in settings)
        {
            s = s.With(name, value);
        }

        return detector.DetectAsync(db, s, Now, CancellationToken.None);
    }

    public static string IdNumber(int sequence) => WebTestData.IdNumberFor(Community, "19800101", sequence);

    public static async Task<Fangkong.Cases.Case> AddCaseAsync(FangkongDbContext db, string caseNo, int sequence, DateOnly reportedOn)
    {
        var made = Fangkong.Cases.Case.Create(new Fangkong.Cases.Case.Report(caseNo, "病例" + caseNo, IdNumber(sequence), Community, CaseType.Asymptomatic, null, reportedOn, CaseSource.PositiveRetest, null, null));
        made.IsSuccess.ShouldBeTrue(made.Error?.Message);
        db.Cases.Add(made.Value!);
        await db.SaveChangesAsync();
        return made.Value!;
    }

    /// <summary>A transfer of the person with <paramref name="sequence"/>, checked in at <paramref name="checkedIn"/>.</summary>
    public static async Task AddTransferAsync(FangkongDbContext db, int sequence, DateTimeOffset identified, DateTimeOffset checkedIn)
    {
        var task = new TransferTask(null, null, IdNumber(sequence), "转运" + sequence, Community, null, "吉源社区1号楼", null, "北山方舱医院", "220204", identified, "system", identified);

        // A real batch: transfer_tasks.batch_id is a foreign key (ADR 0025).
        var vehicle = new Vehicle("吉B0000" + sequence, 4, "司机 王师傅", County);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync();
        var batch = new TransferBatch(vehicle.Id, County, null, "北山方舱医院", 1, "system", checkedIn.AddHours(-2));
        db.TransferBatches.Add(batch);
        await db.SaveChangesAsync();
        task.Dispatch(batch.Id, checkedIn.AddHours(-2)).ShouldBeNull();
        task.PickUp(checkedIn.AddHours(-1));
        task.Arrive(checkedIn.AddMinutes(-10));
        task.CheckIn(checkedIn).ShouldBeNull();
        db.TransferTasks.Add(task);
        await db.SaveChangesAsync();
    }

    public static async Task<Contact> AddContactAsync(FangkongDbContext db, string contactNo, ContactKind kind, int sequence, DateOnly identifiedOn)
    {
        var policy = (await PolicyVersions.InForceAsync(db, Community, identifiedOn)).Value!;
        var made = Contact.Create(new Contact.Report(contactNo, kind, kind == ContactKind.Secondary ? null : "C1", kind == ContactKind.Secondary ? "M0000" : null, IdNumber(sequence), "密接" + contactNo, Community, identifiedOn.AddDays(-1), identifiedOn, null), policy);
        made.IsSuccess.ShouldBeTrue(made.Error?.Message);
        db.Contacts.Add(made.Value!);
        await db.SaveChangesAsync();
        return made.Value!;
    }

    public static async Task<HomeWatch> AddWatchAsync(FangkongDbContext db, HomeWatchKind kind, int sequence, string? contactNo, DateOnly startsOn, DateTimeOffset openedAt)
    {
        var watch = new HomeWatch(kind, null, IdNumber(sequence), "居家" + sequence, null, Community, contactNo, null, startsOn, startsOn.AddDays(6), "system", openedAt);
        db.HomeWatches.Add(watch);
        await db.SaveChangesAsync();
        return watch;
    }

    public static async Task<(Pass Pass, Checkpoint Checkpoint)> AddPassAsync(FangkongDbContext db, string? holderIdNumber, DateTimeOffset from, DateTimeOffset to)
    {
        var unit = await db.Organisations.FirstOrDefaultAsync(o => o.Name == "吉源保供超市");
        if (unit is null)
        {
            unit = new Organisation("吉源保供超市", OrganisationKind.Enterprise, Community);
            db.Organisations.Add(unit);
            await db.SaveChangesAsync();
        }

        var pass = new Pass(PassKind.SupplyTransport, unit.Id, Community, [County], holderIdNumber is null ? null : "张伟", holderIdNumber, "吉B12345", "配送生活物资", from, to, "system", from.AddDays(-1));
        db.Passes.Add(pass);
        var checkpoint = await db.Checkpoints.FirstOrDefaultAsync() ?? new Checkpoint("吉源卡点", Community, "吉源社区东门", 43.85, 126.55);
        if (checkpoint.Id == 0)
        {
            db.Checkpoints.Add(checkpoint);
        }

        await db.SaveChangesAsync();
        return (pass, checkpoint);
    }

    public static async Task ScanAsync(FangkongDbContext db, Pass pass, Checkpoint checkpoint, DateTimeOffset at, PassVerdict verdict)
    {
        var token = new PassToken("k1", pass.Id, pass.Kind, pass.ValidFrom, pass.ValidTo, pass.RegionList, pass.Plate ?? string.Empty, pass.MaskedHolder());
        db.PassScans.Add(new PassScan(Guid.NewGuid().ToString("N"), checkpoint, at, new PassCheck(verdict, token), "kadian", at));
        await db.SaveChangesAsync();
    }
}
