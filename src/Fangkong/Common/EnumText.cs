namespace Fangkong.Common;

/// <summary>Parses an enum from its name only: "red" or "Red", never "2" or an undefined value.</summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value)
        && Enum.IsDefined(value)
        && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _);

    /// <summary>An optional filter: empty is null; a bad name is an error naming <paramref name="field"/> and the allowed names.</summary>
    public static Result<T?> ParseOptional<T>(string? text, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<T?>.Ok(null);
        }

        return TryParse<T>(text, out var value)
            ? Result<T?>.Ok(value)
            : Error.Invalid(field, ErrorText.Of("error.common.not-valid", text, field, ErrorText.Plain(string.Join(", ", Enum.GetNames<T>()))));
    }
}
