using Fangkong.Areas;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.InfectionFree;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using static Fangkong.Demo.DemoPassesActing;

namespace Fangkong.Demo;

/// <summary>
/// Two infection-free compounds of 大东街道 (吉源社区's first): a clean round over their residents yesterday, the
/// community applies, 大东街道 reviews, 船营区 registers; today a resident of the second one is
/// reported positive and the re-check removes its label with a notice. The first keeps it.
/// </summary>
public static class DemoInfectionFree
{
    public const string Community = "220204003001";

    public sealed record Report(int Registered, int Removed, string? RemovedCompound);

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.InfectionFreeLabels.AnyAsync(ct))
        {
            return null;
        }

        var today = ChinaTime.Today(time);
        // Two compounds of 大东街道 clear of cases and contacts, 吉源社区's first, the smallest first.
        var lines = Must(await EvaluateAreaCriteria.ForCompoundsAsync(db, DemoTesting.Street, today, ct: ct), "criteria");
        var chosen = lines.Where(l => l.NoNewInfection && l.ContactsCleared && l.Residents > 0)
            .OrderBy(l => l.RegionCode == Community ? 0 : 1).ThenBy(l => l.Residents).ThenBy(l => l.Key, StringComparer.Ordinal)
            .Take(2).ToList();
        if (chosen.Count < 2)
        {
            return null;
        }

        var ids = chosen.Select(c => long.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var residents = await db.Persons.AsNoTracking().Where(p => p.CompoundId != null && ids.Contains(p.CompoundId.Value))
            .OrderBy(p => p.CompoundId).ThenBy(p => p.Id).Select(p => new { p.Id, p.Name, p.DocumentNumber, p.RegionCode, p.CompoundId }).ToListAsync(ct);

        // Yesterday's full round over the two compounds, five to a tube, all negative.
        var start = new DateTimeOffset(today.AddDays(-1).ToDateTime(new TimeOnly(8, 0)), ChinaTime.Offset);
        var round = Must(await CreateRound.HandleAsync(db, time, new CreateRound.Command("大东街道无疫小区申请前全员核酸", DemoTesting.Street, 5, start, TimeSpan.FromHours(24)), ct), "round");
        var scans = residents.Select((p, i) => new RecordScans.Scan($"demo:ifc:{i}", $"JYW{i / 5 + 1:D5}", p.DocumentNumber, start.AddMinutes(i / 5), "小区核酸采样点", 5, p.RegionCode)).ToList();
        foreach (var batch in scans.Chunk(RecordScans.MaxBatch))
        {
            Must(await RecordScans.HandleAsync(db, round.Id, batch, ct), "swabs");
        }

        Must(await RecordResults.HandleAsync(db, time, scans.Select(s => s.TubeBarcode).Distinct().Select((b, i) => new RecordResults.Row(i + 1, b, "negative", null, null, start.AddHours(8), "吉林市疾病预防控制中心")).ToList(), ct), "results");

        var labels = new List<long>();
        foreach (var (line, id) in chosen.Zip(ids))
        {
            await using var applicant = As(db, time, line.RegionCode == Community ? "jiyuan" : "社区工作人员", line.RegionCode);
            labels.Add(Must(await LabelSteps.ApplyAsync(applicant, time, new LabelSteps.Apply(nameof(LabelKind.Compound), id, null), ct: ct), "apply").Id);
        }

        await using (var township = As(db, time, "dadong", "220204003"))
        {
            foreach (var id in labels)
            {
                Must(await LabelSteps.ReviewAsync(township, time, id, ct: ct), "review");
            }
        }

        await using (var county = As(db, time, "chuanying", DemoSetup.County))
        {
            foreach (var id in labels)
            {
                Must(await LabelSteps.RegisterAsync(county, time, id, ct: ct), "register");
            }
        }

        // Today a resident of the second compound tests positive at a hospital fever clinic.
        var patient = residents.First(p => p.CompoundId == ids[1]);
        Must(await ImportCases.HandleAsync(db, time, [new ImportCases.Row(2, "CYDEMO-IF-01", patient.Name, patient.DocumentNumber, patient.RegionCode, "asymptomatic", string.Empty,
            today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty, "Hospital")], ct), "case");
        var recheck = Must(await RecheckLabels.HandleAsync(db, time, today, ct: ct), "recheck");
        return new Report(labels.Count, recheck.Removed, chosen[1].Name);
    }
}
