namespace Fangkong.Accountability;

/// <summary>
/// A notice as it is published: only what may be printed (title, issuer, date, the opening, one
/// paragraph per matter, the closing) — no ids, no phones, no identity numbers. Every export
/// (text, HTML, DOCX, PDF) renders this and nothing else.
/// </summary>
public sealed record NoticeDocument(string Title, string IssuingBody, DateOnly IssuedOn, string Opening, IReadOnlyList<string> Matters, string Closing)
{
    /// <summary>The date as a notice prints it: 2022年4月9日.</summary>
    public string DateText => $"{IssuedOn.Year}年{IssuedOn.Month}月{IssuedOn.Day}日";
}
