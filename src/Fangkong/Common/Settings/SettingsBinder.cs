using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Fangkong.Common.Settings;

/// <summary>
/// Binds one configuration section onto an options object strictly: a key the class does not
/// declare (a typo such as <c>Clusters:WindwDays</c>) and a value that does not convert (a
/// letter in a number) are refused with the setting's full name, its value and its valid range,
/// instead of being ignored or falling back to the default as the framework's binder does.
/// </summary>
public static class SettingsBinder
{
    /// <summary>Binds <paramref name="section"/> onto <paramref name="target"/>, or throws one <see cref="OptionsValidationException"/> naming every bad key.</summary>
    public static void Bind<T>(IConfigurationSection section, T target)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(target);
        var failures = new List<string>();
        BindObject(section, target, failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(section.Path, typeof(T), failures);
        }
    }

    /// <summary>A new <typeparamref name="T"/> bound from <paramref name="path"/> and validated: for settings needed before the services exist (the database).</summary>
    public static T Read<T>(IConfiguration configuration, string path)
        where T : class, new() => (T)Read(typeof(T), configuration, path);

    /// <summary>As <see cref="Read{T}"/>, for an options class known at run time (the CLI's listing of every section).</summary>
    public static object Read(Type type, IConfiguration configuration, string path)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = Activator.CreateInstance(type)!;
        var failures = new List<string>();
        BindObject(configuration.GetSection(path), options, failures);
        if (failures.Count == 0)
        {
            SettingsValidator.Check(options, path, failures);
        }

        return failures.Count > 0 ? throw new OptionsValidationException(path, type, failures) : options;
    }

    private static void BindObject(IConfigurationSection section, object target, List<string> failures)
    {
        var properties = SettingProperties(target.GetType());
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                failures.Add(SettingMessages.Unknown(child.Path, section.Path, properties.Select(p => p.Name)));
                continue;
            }

            BindProperty(child, property, target, failures);
        }
    }

    private static void BindProperty(IConfigurationSection child, PropertyInfo property, object target, List<string> failures)
    {
        var type = property.PropertyType;
        if (IsSimple(type))
        {
            if (child.Value is null)
            {
                // A sub-section where one value belongs (e.g. Clusters:WindowDays:Max).
                failures.Add(SettingMessages.NotAValue(child.Path, SettingMessages.Valid(property)));
            }
            else if (Convert(child.Value, type, out var value))
            {
                property.SetValue(target, value);
            }
            else
            {
                failures.Add(SettingMessages.NotConvertible(child.Path, child.Value, type, SettingMessages.Valid(property)));
            }

            return;
        }

        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            // Lists and maps: the framework binds the elements; the options class validates them.
            if (property.GetValue(target) is { } existing && !type.IsArray)
            {
                child.Bind(existing);
            }
            else if (property.CanWrite)
            {
                property.SetValue(target, child.Get(type));
            }

            return;
        }

        var nested = property.GetValue(target);
        if (nested is null && property.CanWrite)
        {
            nested = Activator.CreateInstance(type);
            property.SetValue(target, nested);
        }

        if (nested is not null)
        {
            BindObject(child, nested, failures);
        }
    }

    /// <summary>
    /// The settings of an options class: its public auto-properties. Computed ones (the domain
    /// settings an options class hands out) are neither bound nor validated.
    /// </summary>
    public static IReadOnlyList<PropertyInfo> SettingProperties(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod?.IsDefined(typeof(CompilerGeneratedAttribute), false) == true)
            .ToList();
    }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(Uri)
            || t == typeof(DateOnly) || t == typeof(TimeOnly) || t == typeof(DateTimeOffset);
    }

    /// <summary>Invariant culture, as the framework's binder; an empty value clears a nullable setting.</summary>
    private static bool Convert(string text, Type type, out object? value)
    {
        value = null;
        if (text.Length == 0 && (Nullable.GetUnderlyingType(type) is not null || (!type.IsValueType && type != typeof(string))))
        {
            return true;
        }

        if (type == typeof(Uri) || Nullable.GetUnderlyingType(type) == typeof(Uri))
        {
            var ok = Uri.TryCreate(text, UriKind.Absolute, out var uri);
            value = uri;
            return ok;
        }

        try
        {
            value = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException || e.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }
}
