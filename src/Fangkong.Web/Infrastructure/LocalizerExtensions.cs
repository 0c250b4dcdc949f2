using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Infrastructure;

public static class LocalizerExtensions
{
    /// <summary>The localised name of an enum value: key "TypeName.Value" in the resources.</summary>
    public static string Of<T>(this IStringLocalizer localizer, T value)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"{typeof(T).Name}.{value}"];
    }

    /// <summary>The localised title of a role.</summary>
    public static string Role(this IStringLocalizer localizer, string role)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return localizer[$"Role.{role}"];
    }
}
