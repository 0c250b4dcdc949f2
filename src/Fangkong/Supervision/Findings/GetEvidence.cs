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
            return Error.NotFound($"证据材料 {evidenceId} 不存在或不在您的辖区内 (Evidence {evidenceId} was not found in your jurisdiction).");
        }

        var blob = await db.EvidenceBlobs.AsNoTracking().FirstOrDefaultAsync(b => b.Sha256 == file.Sha256, ct);
        if (blob is null || EvidenceFile.HashOf(blob.Content) != file.Sha256)
        {
            return Error.Conflict($"证据材料 {evidenceId} 的内容与登记的 SHA-256 不符 (The stored content of evidence {evidenceId} does not match its SHA-256).");
        }

        await db.AuditReadAsync(nameof(EvidenceFile), file.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), file.RegionCode, ct);
        return new Content(file.FileName, file.ContentType, file.Sha256, blob.Content);
    }
}
