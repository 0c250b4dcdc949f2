using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// The state changes of a finding after it is raised: the responsible unit submits its
/// rectification; a follow-up review (回头看) verifies it, by one of the review's inspectors; or
/// the rectification is rejected and the finding is open again. Every refusal is the entity's or
/// the review's, never a silent no-op.
/// </summary>
public static class FindingTransitions
{
    public static async Task<Result<FindingView.Summary>> SubmitRectificationAsync(FangkongDbContext db, TimeProvider time, long id, string? text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await FindingAccess.FindAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var finding = found.Value!;
        var now = time.GetUtcNow();
        if (finding.SubmitRectification(text, db.Jurisdiction.UserName, now) is { } refused)
        {
            return refused;
        }

        await FindingAccess.SaveAsync(db, finding, FindingAction.RectificationSubmitted, now, null, ct);
        return FindingView.SummaryOf(finding, now);
    }

    public static async Task<Result<FindingView.Summary>> VerifyAsync(FangkongDbContext db, TimeProvider time, long id, long? reviewId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (reviewId is not { } review)
        {
            return Error.Invalid("reviewId", ErrorText.Of("error.supervision.verification-names-follow-up-review"));
        }

        var found = await FindingAccess.FindAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == review, ct);
        if (inspection is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.inspection-not-found-jurisdiction", review));
        }

        if (!inspection.IsInspector(db.Jurisdiction.UserName))
        {
            return Error.Forbidden(ErrorText.Of("error.supervision.only-inspector-review-verifies", review));
        }

        var finding = found.Value!;
        var now = time.GetUtcNow();
        if (finding.Verify(inspection, db.Jurisdiction.UserName, now) is { } refused)
        {
            return refused;
        }

        await FindingAccess.SaveAsync(db, finding, FindingAction.Verified, now, $"回头看 {review}", ct);
        return FindingView.SummaryOf(finding, now);
    }

    public static async Task<Result<FindingView.Summary>> RejectAsync(FangkongDbContext db, TimeProvider time, long id, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await FindingAccess.FindAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var finding = found.Value!;
        var now = time.GetUtcNow();
        if (finding.Reject(note) is { } refused)
        {
            return refused;
        }

        await FindingAccess.SaveAsync(db, finding, FindingAction.Rejected, now, note!.Trim(), ct);
        return FindingView.SummaryOf(finding, now);
    }
}
