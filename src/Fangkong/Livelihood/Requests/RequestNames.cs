namespace Fangkong.Livelihood.Requests;

/// <summary>
/// Kinds and urgencies as the hotline's files and systems write them: the English names of the API,
/// or the Chinese words of the 12345 work orders. A number is never a kind.
/// </summary>
public static class RequestNames
{
    private static readonly Dictionary<string, RequestKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["购药"] = RequestKind.Medicine,
        ["药品"] = RequestKind.Medicine,
        ["就医"] = RequestKind.MedicalCare,
        ["生活物资"] = RequestKind.Supplies,
        ["物资"] = RequestKind.Supplies,
        ["特殊需求"] = RequestKind.SpecialNeeds,
        ["投诉工作人员"] = RequestKind.StaffComplaint,
        ["投诉"] = RequestKind.StaffComplaint,
        ["心理援助"] = RequestKind.Psychological,
        ["其他"] = RequestKind.Other,
    };

    private static readonly Dictionary<string, RequestUrgency> Urgencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["一般"] = RequestUrgency.Normal,
        ["紧急"] = RequestUrgency.Emergency,
        ["急危重症"] = RequestUrgency.Emergency,
    };

    public static RequestKind? Kind(string? text) => Parse(text, Kinds);

    public static RequestUrgency? Urgency(string? text) => Parse(text, Urgencies);

    private static T? Parse<T>(string? text, Dictionary<string, T> words)
        where T : struct, Enum
    {
        var value = text?.Trim() ?? string.Empty;
        if (value.Length == 0 || value.All(char.IsAsciiDigit) || value.StartsWith('-'))
        {
            return null;
        }

        if (words.TryGetValue(value, out var word))
        {
            return word;
        }

        return Enum.TryParse<T>(value, ignoreCase: true, out var named) && Enum.IsDefined(named) ? named : null;
    }
}
