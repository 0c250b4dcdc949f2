namespace Fangkong.Web.Components.Kit;

/// <summary>
/// What a <see cref="NamePicker"/> shows for an option ("吉林宾馆 #17") and how the posted text is read
/// back: the id after the last " #" when it is an option's id or a number, else the text as typed.
/// </summary>
public static class PickerText
{
    private const string Marker = " #";

    public static string Of(PickerOption option)
    {
        ArgumentNullException.ThrowIfNull(option);
        return option.Label == option.Value ? option.Value : option.Label + Marker + option.Value;
    }

    public static string? IdOf(string? text, IReadOnlyList<PickerOption> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var at = trimmed.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return trimmed;
        }

        var id = trimmed[(at + Marker.Length)..];
        return options.Any(o => o.Value == id) || (id.Length > 0 && id.All(char.IsAsciiDigit)) ? id : trimmed;
    }
}
