using System.Globalization;
using System.Text;

namespace Fangkong.Accountability;

/// <summary>
/// Text as a number filter must read it: a phone written "139 0432 1001", "139-0432-1001" or in
/// full-width digits "１３９０４３２１００１" is the same phone. NFKC folds full-width and other
/// compatibility forms (circled, superscript digits) into ASCII, any other decimal digit becomes
/// its ASCII digit, and separators between characters (spaces of every kind, dashes, dots, middle
/// dots, underscores, brackets, invisible format characters) are dropped. Other text is kept, so a
/// Chinese character still ends a run of digits.
/// </summary>
internal static class NumberText
{
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
