using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Testing;

/// <summary>
/// Records a resident's antigen self-test, entered by the community for the resident; a positive
/// one opens a nucleic-acid confirmation task at once. The same report sent again (same person,
/// same test time) is recorded once.
/// </summary>
public static class ReportAntigen
{
    public sealed record Command(string IdNumber, string Result, [Happened] DateTimeOffset TestedAt);

    public sealed record Reported(long ReportId, long PersonId, TestResult Result, long? ConfirmationTaskId, bool AlreadyReported);

    public static async Task<Result<Reported>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (!IdNumber.TryParse(command.IdNumber, out var id, out var idError))
        {
            return Error.Invalid("idNumber", ErrorText.Of("error.testing.invalid-identity-number", idError));
        }

        if (!RecordResults.TryParseResult(command.Result, out var result))
        {
            return Error.Invalid("result", ErrorText.Of("error.testing.result-negative-positive-invalid", command.Result));
        }

        var now = time.GetUtcNow();
        if (command.TestedAt > now.AddMinutes(5) || command.TestedAt < now.AddDays(-3))
        {
            return Error.Invalid("testedAt", ErrorText.Of("error.testing.test-from-last-days-not"));
        }

        // Within the jurisdiction: a community records its own residents' tests.
        var person = await db.Persons.AsNoTracking().Where(p => p.DocumentType == DocumentType.ResidentId && p.DocumentNumber == id.Value)
            .Select(p => new { p.Id, p.RegionCode }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.person-not-registered-jurisdiction"));
        }

        // Whole seconds: both databases keep them exactly, so a repeated report is recognised.
        var utc = command.TestedAt.ToUniversalTime();
        var testedAt = new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var existing = await db.AntigenReports.AsNoTracking().FirstOrDefaultAsync(a => a.PersonId == person.Id && a.TestedAt == testedAt, ct);
        if (existing is not null)
        {
            var task = await db.ConfirmationTasks.AsNoTracking().Where(t => t.AntigenReportId == existing.Id).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct);
            return new Reported(existing.Id, person.Id, existing.Result, task, AlreadyReported: true);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var report = new AntigenReport(person.Id, person.RegionCode, result, testedAt, now, db.Jurisdiction.UserName);
        db.AntigenReports.Add(report);
        await db.SaveChangesAsync(ct);
        ConfirmationTask? confirmation = null;
        if (result == TestResult.Positive)
        {
            confirmation = new ConfirmationTask(person.Id, person.RegionCode, report.Id, now);
            db.ConfirmationTasks.Add(confirmation);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new Reported(report.Id, person.Id, result, confirmation?.Id, AlreadyReported: false);
    }
}
