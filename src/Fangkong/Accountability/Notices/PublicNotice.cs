using Fangkong.Access;

namespace Fangkong.Accountability;

/// <summary>
/// A public notice (通报) composed of decided accountability cases in a chosen order, with its
/// opening and closing. Once made it is not edited: a new notice is composed instead, so what
/// was published stays as it was.
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

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<PublicNoticeItem> Items => _items;
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
