using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// Gives an attachment's content to a caller who may see its finding, after checking that the
/// bytes still hash to the name they were stored under (a tampered store is reported, not served).
/// </summary>
public static class GetEvidence
{
    public sealed record Content(string FileName, string ContentType, string Sha256, byte[] Bytes);

    public static async Task<Result<Content>> HandleAsync(FangkongDbContext db, long evidenceId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (file is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.evidence-not-found-jurisdiction", evidenceId));
        }

        var blob = await db.EvidenceBlobs.AsNoTracking().FirstOrDefaultAsync(b => b.Sha256 == file.Sha256, ct);
        if (blob is null || EvidenceFile.HashOf(blob.Content) != file.Sha256)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.stored-content-evidence-does-not", evidenceId));
        }

        await db.AuditReadAsync(nameof(EvidenceFile), file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), file.RegionCode, ct);
        return new Content(file.FileName, file.ContentType, file.Sha256, blob.Content);
    }
}
