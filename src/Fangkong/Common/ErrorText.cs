using System.Globalization;
using System.Text;
using Fangkong.Common.Input;

namespace Fangkong.Common;

/// <summary>
/// What an error says, as a code of tools/texts.tsv and its arguments, so each edge (web request,
/// form, console) renders it in its reader's language. String arguments are what users typed more
/// often than not, so every one is cut to <see cref="InputExcerpt"/>'s short excerpt when rendered:
/// no message echoes a long input, whoever wrote the call.
/// </summary>
public sealed class ErrorText
{
    private readonly string? _plain;
    private readonly object? _detail;
    private readonly IReadOnlyList<object?> _lines;

    private ErrorText(string? code, object?[] arguments, string? plain, object? detail = null, IReadOnlyList<object?>? lines = null)
    {
        Code = code;
        Arguments = arguments;
        _plain = plain;
        _detail = detail;
        _lines = lines ?? [];
    }

    /// <summary>The key in tools/texts.tsv (e.g. <c>error.testing.not-region-code</c>); null for fixed text.</summary>
    public string? Code { get; }

    /// <summary>The values for the text's <c>{0}</c>, <c>{1}</c>, … placeholders.</summary>
    public IReadOnlyList<object?> Arguments { get; }

    /// <summary>A coded text; the code must be in tools/texts.tsv (a unit test checks every call in src/).</summary>
    public static ErrorText Of(string code, params object?[] arguments) => new(code, arguments, null);

    /// <summary>
    /// Fixed text shown as is in every language: messages not yet converted to codes, and, as an
    /// argument, a list the program made (the allowed values of a field) that must not be cut like input.
    /// </summary>
    public static ErrorText Plain(string message) => new(null, [], message);

    /// <summary>
    /// The text followed by ": " and a detail built elsewhere (a nested error, a parser's reason), as in
    /// "第 3 行: …". A detail is a composed text, not one input, so it is capped, not cut short.
    /// </summary>
    public ErrorText WithDetail(object? detail) => new(Code, [.. Arguments], _plain, detail, _lines);

    /// <summary>The text followed by one line each (an import's refused rows), each capped like a detail.</summary>
    public ErrorText WithLines(IEnumerable<object?> lines) => new(Code, [.. Arguments], _plain, _detail, [.. lines]);

    /// <summary>The text in the current UI culture.</summary>
    public string Render() => Render(CultureInfo.CurrentUICulture);

    /// <summary>
    /// English for an English culture; Chinese for every other one (zh-CN, and the invariant culture
    /// of a console under LANG=C): one language per reader, never both.
    /// </summary>
    public string Render(CultureInfo culture)
    {
        var head = RenderHead(culture);
        if (_detail is null && _lines.Count == 0)
        {
            return head;
        }

        var builder = new StringBuilder(head);
        if (_detail is not null)
        {
            builder.Append(": ").Append(Composed(_detail, culture));
        }

        foreach (var line in _lines)
        {
            builder.Append(Environment.NewLine).Append(Composed(line, culture));
        }

        return builder.ToString();
    }

    public override string ToString() => Render();

    /// <summary>
    /// A text handed to code that takes a string (a console line, a CSV cell) is rendered there, in the
    /// culture of that moment: the reader's, since every edge sets it (request culture, console locale).
    /// </summary>
    public static implicit operator string(ErrorText text) => text.Render();

    public static bool IsEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    private string RenderHead(CultureInfo culture)
    {
        if (_plain is not null)
        {
            return _plain;
        }

        var text = ErrorTexts.Find(Code!);
        if (text is null)
        {
            // A code missing from texts.tsv is a bug the unit tests catch; still say something useful.
            return Code + (Arguments.Count == 0 ? string.Empty : ": " + string.Join(", ", Arguments.Select(a => Format(a, culture))));
        }

        var template = IsEnglish(culture) ? text.English : text.Chinese;
        // Numbers and dates stay objects, so a placeholder's format ({0:yyyy-MM-dd}) applies to them.
        var values = Arguments.Select(a => a is string or Error or ErrorText ? Format(a, culture) : a).ToArray();
        return string.Format(culture, template, values);
    }

    private static string Composed(object? part, CultureInfo culture) =>
        part is string s ? InputExcerpt.Message(s) : Format(part, culture);

    private static string Format(object? argument, CultureInfo culture) => argument switch
    {
        null => string.Empty,
        string s => InputExcerpt.Of(s),
        Error e => e.Text.Render(culture),
        ErrorText t => t.Render(culture),
        IFormattable f => f.ToString(null, culture),
        _ => argument.ToString() ?? string.Empty,
    };
}
