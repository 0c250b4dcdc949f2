using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// A file attached to a finding as evidence (证据材料: a photo, a register page, a report). Its
/// content lives in <see cref="EvidenceBlob"/>, addressed by its SHA-256: what the hash names can
/// never change, so an accountability case can show that the evidence is the one uploaded.
/// Attachments are only added, never edited or removed.
/// </summary>
public sealed class EvidenceFile : IRegionScoped
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const int Sha256Length = 64;
    public const int NoteMaxLength = 200;

    /// <summary>Large enough for a phone photo or a scanned page, small enough for the database.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private EvidenceFile()
    {
        RegionCode = string.Empty;
        FileName = string.Empty;
        ContentType = string.Empty;
        Sha256 = string.Empty;
        UploadedBy = string.Empty;
    }

    public EvidenceFile(Finding finding, string fileName, string contentType, string sha256, long length, string uploadedBy, DateTimeOffset uploadedAt, string? note)
    {
        ArgumentNullException.ThrowIfNull(finding);
        FindingId = finding.Id;
        RegionCode = finding.RegionCode;
        FileName = fileName;
        ContentType = contentType;
        Sha256 = sha256;
        Length = length;
        UploadedBy = uploadedBy;
        UploadedAt = uploadedAt.ToUniversalTime();
        Note = note;
    }

    public long Id { get; private set; }

    public long FindingId { get; private set; }

    public string RegionCode { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    /// <summary>Lower-case hex SHA-256 of the content: the key of its <see cref="EvidenceBlob"/>.</summary>
    public string Sha256 { get; private set; }

    public long Length { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    public string? Note { get; private set; }

    public static string HashOf(ReadOnlySpan<byte> content) => Sha256Hex.Of(content);
}

/// <summary>
/// The bytes of an evidence file, keyed by their SHA-256 (content-addressed). Written once
/// (an identical upload finds the row already there), never updated or deleted: the migration
/// installs triggers that refuse both. Not region-scoped: it is reached only through an
/// <see cref="EvidenceFile"/> the caller may see.
/// </summary>
public sealed class EvidenceBlob
{
    private EvidenceBlob()
    {
        Sha256 = string.Empty;
        Content = [];
    }

    public EvidenceBlob(byte[] content, DateTimeOffset storedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
        Sha256 = EvidenceFile.HashOf(content);
        Length = content.LongLength;
        StoredAt = storedAt.ToUniversalTime();
    }

    public string Sha256 { get; private set; }

    public byte[] Content { get; private set; }

    public long Length { get; private set; }

    public DateTimeOffset StoredAt { get; private set; }
}
