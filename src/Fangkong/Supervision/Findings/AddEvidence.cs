using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// Attaches a file to a finding as evidence. The content is stored once under its SHA-256 (a
/// second upload of the same bytes, to any finding, finds it there) and never changed; the
/// attachment names the hash, so what was shown can be proved later. Idempotent: the same bytes
/// attached twice to one finding give the one attachment back.
/// </summary>
public static class AddEvidence
{
    public sealed record Command(long FindingId, string? FileName, string? ContentType, byte[] Content, string? Note);

    public sealed record Attached(long Id, long FindingId, string FileName, string Sha256, long Length, bool AlreadyAttached);

    public static async Task<Result<Attached>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Content is not { Length: > 0 } content)
        {
            return Error.Invalid("file", ErrorText.Of("error.web.file-empty"));
        }

        if (content.LongLength > EvidenceFile.MaxBytes)
        {
            return Error.Invalid("file", ErrorText.Of("error.web.file-most-mb", EvidenceFile.MaxBytes / 1024 / 1024));
        }

        var name = Path.GetFileName(command.FileName?.Trim() ?? string.Empty);
        if (name.Length is 0 or > EvidenceFile.FileNameMaxLength)
        {
            return Error.Invalid("fileName", ErrorText.Of("error.supervision.file-name-characters-needed", EvidenceFile.FileNameMaxLength));
        }

        var note = command.Note?.Trim();
        if (note is { Length: > EvidenceFile.NoteMaxLength })
        {
            return Error.Invalid("note", ErrorText.Of("error.supervision.note-most-characters", EvidenceFile.NoteMaxLength));
        }

        var found = await FindingAccess.FindAsync(db, command.FindingId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var finding = found.Value!;
        if (finding.Status == FindingStatus.Verified)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.finding-verified-closed", finding.Id));
        }

        var hash = EvidenceFile.HashOf(content);
        var existing = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(e => e.FindingId == finding.Id && e.Sha256 == hash, ct);
        if (existing is not null)
        {
            return new Attached(existing.Id, finding.Id, existing.FileName, hash, existing.Length, AlreadyAttached: true);
        }

        var contentType = command.ContentType?.Trim() is { Length: > 0 and <= EvidenceFile.ContentTypeMaxLength } type ? type : "application/octet-stream";
        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await StoreBlobAsync(db, content, hash, now, ct);
        var file = new EvidenceFile(finding, name, contentType, hash, content.LongLength, db.Jurisdiction.UserName, now, note);
        db.EvidenceFiles.Add(file);
        await FindingAccess.SaveAsync(db, finding, FindingAction.EvidenceAdded, now, $"{name} sha256:{hash}", ct);
        await transaction.CommitAsync(ct);
        return new Attached(file.Id, finding.Id, name, hash, file.Length, AlreadyAttached: false);
    }

    /// <summary>Write-once: the bytes go in unless their hash is there already; nothing is ever overwritten.</summary>
    private static Task StoreBlobAsync(FangkongDbContext db, byte[] content, string hash, DateTimeOffset now, CancellationToken ct)
    {
        object at = db.Database.IsNpgsql() ? now.ToUniversalTime() : now.ToUnixTimeMilliseconds();
        return db.Database.ExecuteSqlAsync(
            $"INSERT INTO evidence_blobs (sha256, content, length, stored_at) VALUES ({hash}, {content}, {content.LongLength}, {at}) ON CONFLICT (sha256) DO NOTHING",
            ct);
    }
}
