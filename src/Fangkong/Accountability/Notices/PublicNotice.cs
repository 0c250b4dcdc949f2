using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Accountability;

/// <summary>
/// A public notice (通报) composed of decided accountability cases in a chosen order, with its
/// opening and closing. Once made it is not edited: a new notice is composed instead, so what
/// was published stays as it was. Four eyes: one user drafts it, another approves it, and only an
/// approved notice is published; who did each step and when is kept on the notice (its log).
/// </summary>
public sealed class PublicNotice : IRegionScoped
{
    public const int TitleMaxLength = 200;
    public const int IssuingBodyMaxLength = 100;
    public const int OpeningMaxLength = 2000;
    public const int ClosingMaxLength = 4000;
    public const int MaxMatters = 50;

    private readonly List<PublicNoticeItem> _items = [];

    private PublicNotice()
    {
        RegionCode = string.Empty;
        Title = string.Empty;
        IssuingBody = string.Empty;
        Opening = string.Empty;
        Closing = string.Empty;
        CreatedBy = string.Empty;
    }

    public PublicNotice(
        string regionCode, string title, string issuingBody, DateOnly issuedOn, string opening, string closing, IReadOnlyList<long> caseIds,
        string createdBy, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        RegionCode = regionCode;
        Title = title;
        IssuingBody = issuingBody;
        IssuedOn = issuedOn;
        Opening = opening;
        Closing = closing;
        CreatedBy = createdBy;
        CreatedAt = at.ToUniversalTime();
        Status = NoticeStatus.Draft;
        for (var i = 0; i < caseIds.Count; i++)
        {
            _items.Add(new PublicNoticeItem(regionCode, i + 1, caseIds[i]));
        }
    }

    public long Id { get; private set; }

    /// <summary>The issuer's region: who may see the notice.</summary>
    public string RegionCode { get; private set; }

    public string Title { get; private set; }

    public string IssuingBody { get; private set; }

    public DateOnly IssuedOn { get; private set; }

    public string Opening { get; private set; }

    public string Closing { get; private set; }

    /// <summary>Who drafted it.</summary>
    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public NoticeStatus Status { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>Approves a draft: never by the user who drafted it.</summary>
    public Error? Approve(string by, DateTimeOffset at)
    {
        if (Status != NoticeStatus.Draft)
        {
            return Error.Conflict(ErrorText.Of("error.notices.only-a-draft-is-approved", Id, Status));
        }

        if (string.Equals(by, CreatedBy, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Forbidden(ErrorText.Of("error.notices.drafter-cannot-approve", Id, by));
        }

        Status = NoticeStatus.Approved;
        ApprovedBy = by;
        ApprovedAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>Publishes an approved notice.</summary>
    public Error? Publish(string by, DateTimeOffset at)
    {
        if (Status != NoticeStatus.Approved)
        {
            return Error.Conflict(ErrorText.Of("error.notices.only-approved-is-published", Id, Status));
        }

        Status = NoticeStatus.Published;
        PublishedBy = by;
        PublishedAt = at.ToUniversalTime();
        return null;
    }

    public IReadOnlyList<PublicNoticeItem> Items => _items;
}

/// <summary>Draft → approved (by another user) → published. Stored by name.</summary>
public enum NoticeStatus
{
    Draft,
    Approved,
    Published,
}

/// <summary>One matter of a notice: which case, in which place.</summary>
public sealed class PublicNoticeItem : IRegionScoped
{
    private PublicNoticeItem() => RegionCode = string.Empty;

    internal PublicNoticeItem(string regionCode, int position, long caseId)
    {
        RegionCode = regionCode;
        Position = position;
        CaseId = caseId;
    }

    public long Id { get; private set; }

    public long NoticeId { get; private set; }

    public string RegionCode { get; private set; }

    public int Position { get; private set; }

    public long CaseId { get; private set; }
}
