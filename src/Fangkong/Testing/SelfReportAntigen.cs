using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Testing;

/// <summary>
/// A resident reports their own antigen self-test, without an account: the identity number and
/// the phone number registered with their record must both match the register (the proof of
/// identity). A mismatch is refused with one message whether or not the person exists, and the
/// refused attempt is audited. The report itself is <see cref="ReportAntigen"/>'s: a positive
/// opens the nucleic-acid confirmation, and the same test sent twice is recorded once.
/// </summary>
public static class SelfReportAntigen
{
    /// <summary>
    /// Whom the writes are by. A resident has no region: the report is made on the database as a
    /// whole (as the system), and is named as the resident's own in the audit log and the report.
    /// </summary>
    public static Jurisdiction Resident { get; } = new("resident", string.Empty, SeesFullIdentity: false);

    public static readonly ErrorText Mismatch = ErrorText.Of("error.testing.identity-phone-mismatch");

    public sealed record Command(string? IdNumber, string? Phone, string? Result, [Happened] DateTimeOffset? TestedAt);

    /// <param name="db">A context that sees every region, made with <see cref="Resident"/>.</param>
    public static async Task<Result<ReportAntigen.Reported>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (!IdNumber.TryParse(command.IdNumber, out var id, out var idError))
        {
            return Error.Invalid("idNumber", ErrorText.Of("error.testing.invalid-identity-number", idError));
        }

        var phone = PersonRowValidator.NormalisePhone(command.Phone ?? string.Empty);
        if (phone is null)
        {
            return Error.Invalid("phone", ErrorText.Of("error.testing.phone-digit-mobile-number"));
        }

        if (command.TestedAt is not { } testedAt)
        {
            return Error.Invalid("testedAt", ErrorText.Of("error.testing.time-test-required"));
        }

        var person = await db.Persons.AsNoTracking()
            .Where(p => p.DocumentType == DocumentType.ResidentId && p.DocumentNumber == id.Value)
            .Select(p => new { p.Id, p.Phone })
            .FirstOrDefaultAsync(ct);
        var registered = person?.Phone is { } known ? PersonRowValidator.NormalisePhone(known) : null;
        if (person is null || registered != phone)
        {
            await db.AuditBulkAsync("refused", nameof(AntigenReport), $"resident self-report refused: {Masking.IdNumber(id.Value)} with phone {Masking.Phone(phone)} does not match the register", ct);
            return Error.Invalid("phone", Mismatch);
        }

        return await ReportAntigen.HandleAsync(db, time, new ReportAntigen.Command(id.Value, command.Result ?? string.Empty, testedAt), ct);
    }
}
