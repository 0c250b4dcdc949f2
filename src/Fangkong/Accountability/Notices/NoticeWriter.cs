using System.Text;
using System.Text.RegularExpressions;

namespace Fangkong.Accountability;

/// <summary>
/// Words decided cases the way seed 000 (吉林市纪委监委, 2022-04-09) does: each matter names the
/// officials with unit and post and the problem, then what failed and what it led to, then each
/// official's responsibility and measures ("…负有领导责任，受到党内警告处分。").
/// </summary>
public static partial class NoticeWriter
{
    public static string DefaultTitle(int officials) => $"关于{officials}名党员干部及公职人员在疫情防控工作中履职不力典型问题的通报";

    public static string DefaultOpening(int officials) =>
        $"为进一步严明政治纪律，严格工作要求，巩固来之不易的疫情防控成果，现对疫情防控工作中{officials}名党员干部及公职人员履职不力等典型问题通报如下。";

    public const string DefaultClosing =
        "各级党组织和广大党员干部、公职人员要充分汲取教训、引以为戒、举一反三、查缺补漏，切实履行主体责任，从严从紧、从细从实落实疫情防控各项举措。"
        + "各级纪检监察机关要坚持严字当头，持续加强督导检查，对疫情防控工作中思想懈怠、责任缺失、落实不力、作风不实，尤其是有令不行有禁不止、"
        + "迟报瞒报谎报漏报等失职失责问题，发现一起坚决查处一起，点名道姓通报曝光，充分发挥警示震慑作用。";

    /// <summary>One matter's paragraph, numbered 一、二、… in the notice's order.</summary>
    public static string Matter(int number, AccountabilityCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var officials = @case.Officials.OrderBy(o => o.Position).ToList();
        var text = new StringBuilder();
        text.Append(Numeral(number)).Append('、');
        text.Append(Names(officials));
        text.Append(Sentence(@case.Title));
        text.Append(Sentence(@case.Facts));
        if (@case.Consequence is { Length: > 0 } consequence)
        {
            text.Append(Sentence(consequence));
        }

        foreach (var o in officials)
        {
            if (o.ResponsibilityNote is { Length: > 0 } note)
            {
                text.Append(note.TrimEnd('。', '，', '；', ',', ';', ' ')).Append('，');
            }

            text.Append(o.Name).Append("负有").Append(ResponsibilityKinds.Zh(o.Responsibility)).Append("，受到")
                .Append(SanctionCatalogue.Wording(o.MeasureList)).Append('。');
        }

        return text.ToString();
    }

    /// <summary>
    /// "船营区第二十五小学校副校长郭力玮、信息技术中心主任梅傲霜": officials of the unit just named
    /// follow with their post only; another unit starts after a comma.
    /// </summary>
    private static string Names(IReadOnlyList<AccountableOfficial> officials)
    {
        var text = new StringBuilder();
        for (var i = 0; i < officials.Count; i++)
        {
            var o = officials[i];
            if (i > 0 && o.Unit == officials[i - 1].Unit)
            {
                text.Append('、').Append(o.Post).Append(o.Name);
            }
            else
            {
                text.Append(i > 0 ? "，" : string.Empty).Append(o.Unit).Append(o.Post).Append(o.Name);
            }
        }

        return text.ToString();
    }

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

    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || "。！？；".Contains(t[^1], StringComparison.Ordinal) ? t : t + "。";
    }

    // Mainland mobile numbers and 18-digit identity numbers; a date or a count never has 11 digits in a row.
    [GeneratedRegex(@"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)")]
    private static partial Regex Private();
}
