using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>A finding with its history, its evidence and its notices.</summary>
public static class GetFinding
{
    public sealed record EventRow(FindingAction Action, string By, DateTimeOffset At, string? Note);

    public sealed record EvidenceRow(long Id, string FileName, string ContentType, string Sha256, long Length, string UploadedBy, DateTimeOffset UploadedAt, string? Note);

    public sealed record Detail(
        FindingView.Summary Summary, string Description, string? ComplaintRef, long? InspectionId, string? DedupeKey, long ResponsibleOrganisationId,
        long ResponsibleOfficialId, string? Rectification, string? RectifiedBy, DateTimeOffset? RectifiedAt, int Rejections, string? VerifiedBy,
        DateTimeOffset? VerifiedAt, long? VerifiedByInspectionId, IReadOnlyList<EventRow> Events, IReadOnlyList<EvidenceRow> Evidence);

    public static async Task<Result<Detail>> HandleAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var f = await db.Findings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
        {
            return Error.NotFound(ErrorText.Of("error.accountability.finding-not-found-jurisdiction", id));
        }

        var events = await db.FindingEvents.AsNoTracking().Where(e => e.FindingId == id).OrderBy(e => e.Id)
            .Select(e => new EventRow(e.Action, e.By, e.At, e.Note)).ToListAsync(ct);
        var evidence = await db.EvidenceFiles.AsNoTracking().Where(e => e.FindingId == id).OrderBy(e => e.Id)
            .Select(e => new EvidenceRow(e.Id, e.FileName, e.ContentType, e.Sha256, e.Length, e.UploadedBy, e.UploadedAt, e.Note)).ToListAsync(ct);
        return new Detail(
            FindingView.SummaryOf(f, time.GetUtcNow()), f.Description, f.ComplaintRef, f.InspectionId, f.DedupeKey, f.ResponsibleOrganisationId,
            f.ResponsibleOfficialId, f.Rectification, f.RectifiedBy, f.RectifiedAt, f.Rejections, f.VerifiedBy, f.VerifiedAt, f.VerifiedByInspectionId,
            events, evidence);
    }
}
