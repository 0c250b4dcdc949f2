using System.Globalization;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.SocialZero;
using Microsoft.EntityFrameworkCore;
using static Fangkong.Demo.DemoPassesActing;

namespace Fangkong.Demo;

/// <summary>
/// Today's line list adds two close contacts in central quarantine who turned positive: found
/// under control, so the social-zero page shows both columns (the week's other cases were found
/// at social level, the infection-free compound's positive too).
/// </summary>
public static class DemoSocialZero
{
    public const string Marker = "CYDEMO-SZ-01";

    public sealed record Report(int UnderControl);

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Cases.AnyAsync(c => c.CaseNo == Marker, ct))
        {
            return null;
        }

        var today = ChinaTime.Today(time);
        var cased = db.Cases.Select(c => c.IdNumber);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(k => k.Kind == ContactKind.Close && k.IdentifiedOn < today && k.ReleasedOn == null && k.RegionCode.StartsWith(DemoSetup.County) && !cased.Contains(k.IdNumber))
            .OrderBy(k => k.Id).Take(2).ToListAsync(ct);
        if (contacts.Count == 0)
        {
            return null;
        }

        var day = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = contacts.Select((k, i) => new ImportCases.Row(
            i + 2, i == 0 ? Marker : $"CYDEMO-SZ-{i + 1:D2}", k.Name, k.IdNumber, k.RegionCode, "asymptomatic", string.Empty, day, string.Empty, string.Empty, string.Empty)).ToList();
        Must(await ImportCases.HandleAsync(db, time, rows, ct), "quarantined positives");
        var caseNos = rows.Select(r => r.CaseNo).ToList();
        return new Report(await db.CaseClassifications.CountAsync(c => caseNos.Contains(c.CaseNo) && c.Level == DetectionLevel.UnderControl, ct));
    }
}
