namespace Fangkong.Common.Input;

/// <summary>
/// Rules for text that people type: no control characters (a NUL in a name breaks exports and
/// PostgreSQL refuses it), line breaks and tabs only where the field is several lines, and a
/// maximum length.
/// </summary>
public static class InputText
{
    /// <summary>The longest single-line text accepted where the field names no limit of its own.</summary>
    public const int DefaultMaxLength = 1000;

    /// <summary>The longest several-line text accepted where the field names no limit of its own.</summary>
    public const int DefaultMultiLineMaxLength = 8000;

    public static Error? Check(string field, string? value, int maxLength, bool multiLine)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > maxLength)
        {
            return Error.Invalid(field, ErrorText.Of("error.common.most-characters", field, maxLength, value.Length, InputExcerpt.Of(value)));
        }

        var bad = value.IndexOfAny(multiLine ? MultiLineForbidden : SingleLineForbidden);
        return bad < 0
            ? null
            : Error.Invalid(field, ErrorText.Of("error.common.control-character-u-position", field, bad + 1, (int)value[bad], (multiLine ? "仅允许换行" : "不允许换行和制表符"), (multiLine ? "; only line breaks are allowed" : "; line breaks and tabs are not allowed")));
    }

    private static readonly char[] SingleLineForbidden = [.. Enumerable.Range(0, 32).Select(i => (char)i), '\u007F'];

    // Several-line fields (notes, facts) keep their line breaks and tabs; other controls are refused.
    private static readonly char[] MultiLineForbidden = [.. SingleLineForbidden.Where(c => c is not ('\r' or '\n' or '\t'))];
}
