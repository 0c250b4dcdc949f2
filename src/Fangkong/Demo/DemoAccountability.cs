using Fangkong.Accountability;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// The accountability part of the demo: the cluster at 康乐养老院 answered for as seed 000's
/// nursing-home matter was (船营区's deputy head and the civil-affairs bureau), linked to a
/// supervision finding about the home when one exists, else to the incident in words; and a
/// notice of it, drafted and waiting for a second user to approve it (four eyes). Runs once: a
/// second run finds the case and adds nothing.
/// </summary>
public static class DemoAccountability
{
    public const string Title = "在疫情防控工作中履职不力，导致辖区养老院发生聚集性疫情问题";

    public sealed record Report(long CaseId, long? NoticeId, bool Created, long? FindingId);

    public static async Task<Report> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var existing = await db.AccountabilityCases.AsNoTracking().Where(c => c.RegionCode == DemoSetup.County && c.Title == Title).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return new Report(id, null, false, null);
        }

        var today = ChinaTime.Today(time);
        var finding = await db.Findings.AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(DemoSetup.County) && (f.Title.Contains("养老院") || f.Description.Contains("养老院")))
            .OrderBy(f => f.Id).Select(f => (long?)f.Id).FirstOrDefaultAsync(ct);
        var officials = new SaveAccountabilityCase.Official[]
        {
            new("王健鹏", "船营区委", "常委、副区长", DemoSetup.County, "领导责任", null, ["党内警告"]),
            new("王兆珩", "船营区民政局", "局长", DemoSetup.County, "领导责任", null, ["党内严重警告"]),
            new("王尚义", "船营区民政局", "副局长", DemoSetup.County, "领导责任", null, ["免职"]),
        };
        var saved = await SaveAccountabilityCase.CreateAsync(db, time, new SaveAccountabilityCase.Command(
            DemoSetup.County,
            Title,
            $"根据疫情防控要求，全市养老院实行封闭式管理。{DemoCases.NursingHome}未严格执行封闭管理规定，工作人员与外界人员接触未闭环，致使养老院内部发生聚集性疫情",
            "造成不良影响",
            today.AddDays(-6),
            $"{DemoCases.NursingHome}聚集性疫情（病例与聚集见“聚集性疫情”页）",
            officials,
            finding is { } f ? [f] : [],
            // Worded as seed 000's second matter: the bureau's failings a sentence of their own, "王健鹏等3人".
            "船营区民政局落实监管责任不力，指导督导不到位，监督检查流于形式",
            NameFirstOnly: true), ct);
        if (!saved.IsSuccess)
        {
            throw new InvalidOperationException($"Demo accountability case refused: {saved.Error!.Message}");
        }

        var caseId = saved.Value!.Id;
        var decided = await DecideAccountabilityCase.HandleAsync(db, time, caseId, new DecideAccountabilityCase.Command("吉林市纪委监委", today), ct);
        if (!decided.IsSuccess)
        {
            throw new InvalidOperationException($"Demo accountability decision refused: {decided.Error!.Message}");
        }

        var notice = await ComposeNotice.HandleAsync(db, time, new ComposeNotice.Command(null, "吉林市纪委监委", today, null, null, [caseId]), ct);
        if (!notice.IsSuccess)
        {
            throw new InvalidOperationException($"Demo notice refused: {notice.Error!.Message}");
        }

        return new Report(caseId, notice.Value!.Id, true, finding);
    }
}
