using System.Text.RegularExpressions;

namespace Fangkong.Accountability;

/// <summary>
/// Words decided cases the way seed 000 (吉林市纪委监委, 2022-04-09) does: a paragraph per matter
/// (<see cref="MatterParagraph"/>; the defaults of title, opening and closing are <see cref="NoticeDefaults"/>),
/// and keeps out of a notice what must not be published.
/// </summary>
public static partial class NoticeWriter
{
    /// <summary>One matter's paragraph, numbered 一、二、… in the notice's order (<see cref="MatterParagraph"/>).</summary>
    public static string Matter(int number, AccountabilityCase @case) => MatterParagraph.Write(number, @case);

    /// <summary>The notice's document from its cases in order.</summary>
    public static NoticeDocument Document(PublicNotice notice, IReadOnlyList<AccountabilityCase> casesInOrder)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(casesInOrder);
        return new NoticeDocument(
            notice.Title, notice.IssuingBody, notice.IssuedOn, notice.Opening,
            [.. casesInOrder.Select((c, i) => Matter(i + 1, c))], notice.Closing);
    }

    /// <summary>
    /// The first text that looks like a phone or identity number, which a notice must not carry,
    /// however it is spaced or written (full-width digits, dashes): see <see cref="NumberText"/>.
    /// </summary>
    public static string? Unpublishable(string text) => Private().Match(NumberText.Collapse(text)) is { Success: true } m ? m.Value : null;

    /// <summary>一, 二, … 九十九.</summary>
    public static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 1 or > 99 => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
            < 10 => digits[n].ToString(),
            < 20 => "十" + (n % 10 == 0 ? string.Empty : digits[n % 10].ToString()),
            _ => digits[n / 10] + "十" + (n % 10 == 0 ? string.Empty : digits[n % 10].ToString()),
        };
    }

    // Mainland mobile numbers and 18-digit identity numbers; a date or a count never has 11 digits in a row.
    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")]
    private static partial Regex Private();
}
