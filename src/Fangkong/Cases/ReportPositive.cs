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
            return Error.NotFound(ErrorText.Of("error.cases.positive-does-not-exist-outside", command.PositiveId));
        }

        var caseNo = string.IsNullOrWhiteSpace(command.CaseNo) ? null : command.CaseNo.Trim();
        if (positive.IsReported)
        {
            return caseNo is null || caseNo == positive.CaseNo
                ? CaseView.From(await db.Cases.AsNoTracking().SingleAsync(c => c.CaseNo == positive.CaseNo, ct), db.Jurisdiction)
                : Error.Conflict(ErrorText.Of("error.cases.positive-already-reported-case", positive.CaseNo));
        }

        if (!CasesCsv.TryParseType(command.Type ?? string.Empty, out var type))
        {
            return Error.Invalid("type", ErrorText.Of("error.cases.not-confirmed-asymptomatic", command.Type));
        }

        if (!CasesCsv.TryParseSeverity(command.Severity ?? string.Empty, out var severity))
        {
            return Error.Invalid("severity", ErrorText.Of("error.cases.not-severity", command.Severity));
        }

        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == positive.PersonId, ct);
        if (person is null)
        {
            return Error.NotFound(ErrorText.Of("error.cases.positive-s-person-record-outside", positive.PersonId));
        }

        var now = time.GetUtcNow();
        var reportedOn = command.ReportedOn ?? ChinaTime.DayOf(now);
        caseNo ??= string.Create(CultureInfo.InvariantCulture, $"{positive.RegionCode[..Math.Min(6, positive.RegionCode.Length)]}-{reportedOn:yyyyMMdd}-P{positive.Id}");
        if (await db.Cases.BypassJurisdiction(BypassReason.UniqueNumber).AnyAsync(c => c.CaseNo == caseNo, ct))
        {
            return Error.Conflict(ErrorText.Of("error.cases.case-number-already-taken", caseNo));
        }

        var source = positive.Source == PositiveSource.PoolRetest ? CaseSource.PositiveRetest : CaseSource.SingleTube;
        var created = Case.Create(new Case.Report(caseNo, person.Name, person.DocumentNumber, person.RegionCode, type, severity, reportedOn, source, null, person.Id));
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        db.Cases.Add(created.Value!);
        await db.PublishAsync(new CasesReported([created.Value!]), ct);
        positive.MarkReported(caseNo, now);
        await db.SaveChangesAsync(ct);
        return CaseView.From(created.Value!, db.Jurisdiction);
    }
}
