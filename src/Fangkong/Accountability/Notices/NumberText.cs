using System.Globalization;
using System.Text;

namespace Fangkong.Accountability;

/// <summary>
/// Text as a number filter must read it: a phone written "139 0432 1001", "139-0432-1001" or in
/// full-width digits "１３９０４３２１００１" is the same phone. NFKC folds full-width and other
/// compatibility forms (circled, superscript digits) into ASCII, any other decimal digit becomes
/// its ASCII digit, and separators between characters (spaces of every kind, dashes, dots, middle
/// dots, underscores, brackets, invisible format characters) are dropped. Chinese numerals read as
/// digits too, as a number is spoken or written out: 一三九…, 壹叁玖… (financial, simplified and
/// traditional), 〇/零/○ for 0 and 幺 for 1 as phone numbers are read aloud. Other text is kept, so a
/// Chinese character such as 十 or 年 still ends a run of digits.
/// </summary>
internal static class NumberText
{
    // Each Chinese numeral's digit; 十, 百, 千 and 两 are left out: they count, they do not spell a number.
    private static readonly Dictionary<char, char> ChineseDigits = new()
    {
        ['〇'] = '0', ['零'] = '0', ['○'] = '0', ['洞'] = '0',
        ['一'] = '1', ['壹'] = '1', ['幺'] = '1', ['弌'] = '1',
        ['二'] = '2', ['贰'] = '2', ['貳'] = '2', ['弍'] = '2',
        ['三'] = '3', ['叁'] = '3', ['參'] = '3', ['弎'] = '3',
        ['四'] = '4', ['肆'] = '4',
        ['五'] = '5', ['伍'] = '5',
        ['六'] = '6', ['陆'] = '6', ['陸'] = '6',
        ['七'] = '7', ['柒'] = '7',
        ['八'] = '8', ['捌'] = '8',
        ['九'] = '9', ['玖'] = '9',
    };

    public static string Collapse(string text)
    {
        var folded = (text ?? string.Empty).Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsDigit(c))
            {
                sb.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else if (ChineseDigits.TryGetValue(c, out var digit))
            {
                sb.Append(digit);
            }
            else if (!IsSeparator(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c)
        || c is '.' or '·' or '・' or '(' or ')' or '[' or ']' or '/' or '\\' or '*' or '+' or '~'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.DashPunctuation or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;
}
