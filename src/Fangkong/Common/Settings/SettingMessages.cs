using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Fangkong.Common.Settings;

/// <summary>
/// The start-up refusals of a bad setting, each on one line with the setting's full name (as in
/// appsettings.json, <c>Section:Key</c>), the value given and what is valid. They are read by the
/// operator on the console, before any culture is chosen, so they carry both languages.
/// </summary>
public static class SettingMessages
{
    public static string Unknown(string path, string section, IEnumerable<string> known) =>
        $"设置 {path} 不存在 (unknown setting {path}; section {section} has: {string.Join(", ", known)}).";

    public static string NotAValue(string path, string valid) =>
        ErrorText.Of("error.common.setting-single-value-valid", path, valid);

    public static string NotConvertible(string path, string value, Type type, string valid) =>
        ErrorText.Of("error.common.setting-not-valid", path, value, KindZh(type), KindEn(type), valid);

    public static string Invalid(string path, object? value, string valid) =>
        ErrorText.Of("error.common.setting-not-valid-valid", path, Show(value), valid);

    /// <summary>What a property accepts, from its <see cref="RangeAttribute"/> (or its type when it has none).</summary>
    public static string Valid(PropertyInfo property)
    {
        ArgumentNullException.ThrowIfNull(property);
        var range = property.GetCustomAttribute<RangeAttribute>();
        if (range is not null)
        {
            return range.MinimumIsExclusive
                ? $"more than {Show(range.Minimum)} up to {Show(range.Maximum)}"
                : $"{Show(range.Minimum)} to {Show(range.Maximum)}";
        }

        // A property may carry several (Required and a pattern): the one that explains itself.
        return property.GetCustomAttributes<ValidationAttribute>().Select(a => a.ErrorMessage).FirstOrDefault(m => m is not null)
            ?? KindEn(property.PropertyType);
    }

    public static string Show(object? value) => value switch
    {
        null => "(none)",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable list and not string => string.Join(", ", list.Cast<object?>().Select(Show)),
        _ => value.ToString() ?? string.Empty,
    };

    private static string KindEn(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "a whole number"
            : t == typeof(double) || t == typeof(decimal) ? "a number"
            : t == typeof(bool) ? "true or false"
            : t == typeof(TimeSpan) ? "a duration such as 02:00:00 (hh:mm:ss) or 1.00:00:00 (d.hh:mm:ss)"
            : t == typeof(Uri) ? "an absolute address such as http://127.0.0.1:4317"
            : t.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(t))}"
            : "text";
    }

    private static string KindZh(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(int) || t == typeof(long) ? "整数"
            : t == typeof(double) || t == typeof(decimal) ? "数字"
            : t == typeof(bool) ? " true 或 false"
            : t == typeof(TimeSpan) ? "时长"
            : t == typeof(Uri) ? "绝对地址"
            : "有效值";
    }
}
