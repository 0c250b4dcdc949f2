using Fangkong.Access;

namespace Fangkong.Cases.Bulletins;

/// <summary>
/// A daily bulletin as published (发布): the text and the figures frozen at that moment, with the
/// SHA-256 of the figures. Never changed — the migration's triggers refuse it — so that the
/// figures the public read can be compared with the records later ("瞒报迟报谎报、搞数字游戏").
/// A correction (更正) is a new version with its reason; the older versions stay.
/// </summary>
public sealed class PublishedBulletin : IRegionScoped
{
    public const int TextMaxLength = 8000;
    public const int FiguresMaxLength = 16000;
    public const int NoteMaxLength = 500;

    private PublishedBulletin()
    {
        RegionCode = string.Empty;
        Text = string.Empty;
        TextEn = string.Empty;
        Figures = string.Empty;
        FiguresSha256 = string.Empty;
        PublishedBy = string.Empty;
    }

    public PublishedBulletin(string regionCode, DateOnly date, int version, string text, string textEn, string figures, string publishedBy, DateTimeOffset publishedAt, string? correction, int? noticeYear = null, int? noticeNo = null)
    {
        RegionCode = regionCode;
        Date = date;
        Version = version;
        Text = text;
        TextEn = textEn;
        Figures = figures;
        FiguresSha256 = Common.Sha256Hex.Of(System.Text.Encoding.UTF8.GetBytes(figures));
        PublishedBy = publishedBy;
        PublishedAt = publishedAt.ToUniversalTime();
        Correction = correction;
        NoticeYear = noticeYear;
        NoticeNo = noticeNo;
    }

    public long Id { get; private set; }

    /// <summary>The province, city or county the bulletin covers.</summary>
    public string RegionCode { get; private set; }

    public DateOnly Date { get; private set; }

    /// <summary>1 for the first publication of the day; each correction adds one.</summary>
    public int Version { get; private set; }

    public string Text { get; private set; }

    public string TextEn { get; private set; }

    /// <summary>The figures as published, one "name=value" per line in a fixed order (<see cref="BulletinFigures"/>).</summary>
    public string Figures { get; private set; }

    public string FiguresSha256 { get; private set; }

    public string PublishedBy { get; private set; }

    public DateTimeOffset PublishedAt { get; private set; }

    /// <summary>A city's notice: the year of its number (通告 "2022第N号"); null for other bulletins.</summary>
    public int? NoticeYear { get; private set; }

    /// <summary>A city's notice: its number within the issuing unit and year; a correction keeps it.</summary>
    public int? NoticeNo { get; private set; }

    /// <summary>Why this version corrects the previous one; null for the first.</summary>
    public string? Correction { get; private set; }
}
