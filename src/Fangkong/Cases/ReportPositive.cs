using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases;

/// <summary>
/// Makes a case of a positive that testing handed over (<see cref="PositivePerson"/>): the
/// investigator or command centre classifies it (confirmed with a clinical type, or
/// asymptomatic), and the case takes the person's identity and region and its source from how
/// the positive was found. Sent again with the same case number (or none), the answer is the
/// case already made, so a retried form does not make two.
/// </summary>
public static class ReportPositive
{
    public sealed record Command(long PositiveId, string? Type, string? Severity, string? CaseNo, [Happened] DateOnly? ReportedOn);

    public static async Task<Result<CaseView>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var positive = await db.PositivePersons.FirstOrDefaultAsync(p => p.Id == command.PositiveId, ct);
        if (positive is null)
        {
            return Error.NotFound(string.Create(CultureInfo.InvariantCulture, $"待报告阳性 {command.PositiveId} 不存在或不在您的辖区内 (positive {command.PositiveId} does not exist or is outside your jurisdiction)."));
        }

        var caseNo = string.IsNullOrWhiteSpace(command.CaseNo) ? null : command.CaseNo.Trim();
        if (positive.IsReported)
        {
            return caseNo is null || caseNo == positive.CaseNo
                ? CaseView.From(await db.Cases.AsNoTracking().SingleAsync(c => c.CaseNo == positive.CaseNo, ct), db.Jurisdiction)
                : Error.Conflict($"此阳性已报告为病例 {positive.CaseNo} (this positive was already reported as case {positive.CaseNo}).");
        }

        if (!CasesCsv.TryParseType(command.Type ?? string.Empty, out var type))
        {
            return Error.Invalid("type", $"类型应为 confirmed（确诊）或 asymptomatic（无症状）('{command.Type}' is not confirmed or asymptomatic).");
        }

        if (!CasesCsv.TryParseSeverity(command.Severity ?? string.Empty, out var severity))
        {
            return Error.Invalid("severity", $"临床分型应为 mild、moderate、severe 或 critical ('{command.Severity}' is not a severity).");
        }

        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == positive.PersonId, ct);
        if (person is null)
        {
            return Error.NotFound(string.Create(CultureInfo.InvariantCulture, $"阳性者 {positive.PersonId} 的人员记录不在您的辖区内 (the positive's person record is outside your jurisdiction)."));
        }

        var now = time.GetUtcNow();
        var reportedOn = command.ReportedOn ?? ChinaTime.DayOf(now);
        caseNo ??= string.Create(CultureInfo.InvariantCulture, $"{positive.RegionCode[..Math.Min(6, positive.RegionCode.Length)]}-{reportedOn:yyyyMMdd}-P{positive.Id}");
        if (await db.Cases.BypassJurisdiction(BypassReason.UniqueNumber).AnyAsync(c => c.CaseNo == caseNo, ct))
        {
            return Error.Conflict($"病例编号 {caseNo} 已被使用 (case number {caseNo} is already taken).");
        }

        var source = positive.Source == PositiveSource.PoolRetest ? CaseSource.PositiveRetest : CaseSource.SingleTube;
        var created = Case.Create(new Case.Report(caseNo, person.Name, person.DocumentNumber, person.RegionCode, type, severity, reportedOn, source, null, person.Id));
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        db.Cases.Add(created.Value!);
        await SocialZero.CaseClassifier.Default.AddAsync(db, [created.Value!], ct);
        positive.MarkReported(caseNo, now);
        await db.SaveChangesAsync(ct);
        return CaseView.From(created.Value!, db.Jurisdiction);
    }
}
