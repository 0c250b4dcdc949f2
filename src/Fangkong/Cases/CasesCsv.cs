using System.Globalization;
using Fangkong.Common;
using Fangkong.Regions;

namespace Fangkong.Cases;

/// <summary>Field parsing shared by the line-list and contact imports: dates, kinds in English or Chinese, region codes.</summary>
internal static class CasesCsv
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy/MM/dd", "yyyyMMdd"];

    public static string Line(long line, string reason) => ErrorText.Of("error.common.at-line", line).WithDetail(reason);

    public static Error Refused(string field, string what, IReadOnlyList<string> errors)
    {
        var shown = errors.Take(50).ToList();
        object?[] more = errors.Count > shown.Count ? [ErrorText.Of("error.cases.and-more", errors.Count - shown.Count)] : [];
        return Error.Invalid(field, ErrorText.Of("error.cases.nothing-imported-bad-rows", what, errors.Count).WithLines([.. shown, .. more]));
    }

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>An optional date: empty is null; false when the text is not a date.</summary>
    public static bool TryParseOptionalDate(string text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!TryParseDate(text, out var d))
        {
            return false;
        }

        date = d;
        return true;
    }

    public static bool TryParseType(string text, out CaseType type) => text.Trim() switch
    {
        "确诊" or "确诊病例" => Set(CaseType.Confirmed, out type),
        "无症状" or "无症状感染者" => Set(CaseType.Asymptomatic, out type),
        var t => EnumText.TryParse(t, out type),
    };

    /// <summary>An optional severity: empty is null.</summary>
    public static bool TryParseSeverity(string text, out Severity? severity)
    {
        severity = null;
        Severity s;
        var ok = text.Trim() switch
        {
            "" => true,
            "轻型" => Set(Severity.Mild, out s) && Keep(s, out severity),
            "普通型" => Set(Severity.Moderate, out s) && Keep(s, out severity),
            "重型" => Set(Severity.Severe, out s) && Keep(s, out severity),
            "危重型" => Set(Severity.Critical, out s) && Keep(s, out severity),
            var t => EnumText.TryParse(t, out s) && Keep(s, out severity),
        };
        return ok;
    }

    /// <summary>An optional outcome: empty is null.</summary>
    public static bool TryParseOutcome(string text, out CaseOutcome? outcome)
    {
        outcome = null;
        CaseOutcome o;
        return text.Trim() switch
        {
            "" => true,
            "治愈出院" or "出院" => Set(CaseOutcome.Discharged, out o) && Keep(o, out outcome),
            "解除隔离" or "解除医学观察" => Set(CaseOutcome.Released, out o) && Keep(o, out outcome),
            "死亡" => Set(CaseOutcome.Died, out o) && Keep(o, out outcome),
            var t => EnumText.TryParse(t, out o) && Keep(o, out outcome),
        };
    }

    public static bool TryParseKind(string text, out ContactKind kind) => text.Trim() switch
    {
        "密接" or "密切接触者" => Set(ContactKind.Close, out kind),
        "次密接" or "次密切接触者" => Set(ContactKind.Secondary, out kind),
        var t => EnumText.TryParse(t, out kind),
    };

    /// <summary>A region code of county level or below, in any accepted form, normalised; null when it is not one.</summary>
    public static string? CountyOrBelow(string text) =>
        RegionCode.TryParse(text, out var code) && code.Level >= RegionLevel.County ? code.Value : null;

    public static string? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Set<T>(T value, out T target)
    {
        target = value;
        return true;
    }

    private static bool Keep<T>(T value, out T? target)
        where T : struct
    {
        target = value;
        return true;
    }
}
