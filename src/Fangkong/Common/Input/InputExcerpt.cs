using System.Globalization;
using System.Text;

namespace Fangkong.Common.Input;

/// <summary>
/// How an error quotes what the user sent: at most <see cref="MaxLength"/> characters and an
/// ellipsis, control characters shown as U+FFFD. A 20 MB value once came back in an 84 MB error;
/// every message that quotes input goes through here.
/// </summary>
public static class InputExcerpt
{
    public const int MaxLength = 64;

    public static string Of(object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        var cut = text.Length > MaxLength;
        var shown = cut ? text[..MaxLength] : text;
        if (!cut && !shown.Any(char.IsControl))
        {
            return shown;
        }

        var builder = new StringBuilder(shown.Length + 1);
        foreach (var c in shown)
        {
            builder.Append(char.IsControl(c) ? '\uFFFD' : c);
        }

        return cut ? builder.Append('…').ToString() : builder.ToString();
    }

    /// <summary>A whole message, capped, for texts built elsewhere (framework messages that quote input).</summary>
    public static string Message(string message, int max = 500) =>
        message.Length <= max ? message : string.Concat(message.AsSpan(0, max), "…");
}
