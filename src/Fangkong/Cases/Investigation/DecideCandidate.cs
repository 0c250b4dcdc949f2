using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// The investigator's decision on a candidate. Confirming creates a close contact of the case
/// through <see cref="ImportContacts"/> (one row), so the contact gets exactly the checks and the
/// quarantine order of the plan version in force that an imported contact gets; the candidate
/// and the contact are saved together. Dismissing needs a reason. Both are audited as changes.
/// </summary>
public static class DecideCandidate
{
    public sealed record Confirmation([Happened] DateOnly? ExposureOn, [Happened] DateOnly? IdentifiedOn);

    public static async Task<Result<CandidateView>> ConfirmAsync(
        FangkongDbContext db, long caseId, long candidateId, Confirmation confirmation, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(confirmation);
        var found = await FindAsync(db, caseId, candidateId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (candidate, c) = found.Value;
        var secondary = candidate.Kind == ContactKind.Secondary;
        var contactNo = ContactNoFor(c.CaseNo, candidate.Id, secondary);
        var confirmed = candidate.Confirm(contactNo, db.Jurisdiction.UserName, now);
        if (!confirmed.IsSuccess)
        {
            return confirmed.Error!;
        }

        var identified = confirmation.IdentifiedOn ?? ChinaTime.DayOf(now);
        var exposure = confirmation.ExposureOn ?? candidate.LastExposureOn;
        if (exposure > identified)
        {
            exposure = identified;
        }

        // The contact is managed where the person lives when that is within the caller's reach, else where the case is.
        var region = db.Jurisdiction.Covers(candidate.PersonRegionCode) ? candidate.PersonRegionCode : c.RegionCode;
        var row = new ImportContacts.Row(
            1, contactNo, secondary ? "secondary" : "close", secondary ? string.Empty : c.CaseNo, candidate.SourceContactNo ?? string.Empty,
            candidate.IdNumber, candidate.Name, region,
            exposure?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, identified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Empty);

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var imported = await ImportContacts.HandleAsync(db, [row], ct);
        if (!imported.IsSuccess)
        {
            return Error.Invalid("candidate", imported.Error!.Text);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return CandidateView.From(candidate, db.Jurisdiction);
    }

    public static async Task<Result<CandidateView>> DismissAsync(
        FangkongDbContext db, long caseId, long candidateId, string? reason, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await FindAsync(db, caseId, candidateId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var (candidate, _) = found.Value;
        var dismissed = candidate.Dismiss(reason, db.Jurisdiction.UserName, now);
        if (!dismissed.IsSuccess)
        {
            return dismissed.Error!;
        }

        await db.SaveChangesAsync(ct);
        return CandidateView.From(candidate, db.Jurisdiction);
    }

    /// <summary>"JL-1-M17" ("JL-1-S18" for a secondary contact): the case number and the candidate; a long case number falls back to the candidate alone.</summary>
    internal static string ContactNoFor(string caseNo, long candidateId, bool secondary)
    {
        var no = string.Create(CultureInfo.InvariantCulture, $"{caseNo}-{(secondary ? 'S' : 'M')}{candidateId}");
        return no.Length <= Contact.ContactNoMaxLength ? no : string.Create(CultureInfo.InvariantCulture, $"CAND-{candidateId}");
    }

    private static async Task<Result<(ContactCandidate Candidate, Case Case)>> FindAsync(FangkongDbContext db, long caseId, long candidateId, CancellationToken ct)
    {
        var loaded = await GetInvestigation.LoadAsync(db, caseId, tracked: false, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (investigation, c) = loaded.Value;
        if (investigation.State == InvestigationState.Closed)
        {
            return Error.Conflict(ErrorText.Of("error.cases.investigation-closed-candidates-can-no"));
        }

        var candidate = await db.ContactCandidates.FirstOrDefaultAsync(x => x.Id == candidateId && x.InvestigationId == investigation.Id, ct);
        return candidate is null
            ? Error.NotFound(ErrorText.Of("error.cases.candidate-not-one-case-s", candidateId, c.CaseNo))
            : (candidate, c);
    }
}
