using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Fangkong.Common.Input;

/// <summary>
/// Checks whatever a request carries, however deep: every text (<see cref="InputText"/>), every
/// number (finite, within a <see cref="RangeAttribute"/> where one is declared) and every date
/// (<see cref="PlausibleDates"/>: planned unless marked <see cref="HappenedAttribute"/>). The web host
/// runs it on every bound argument, so no endpoint can forget it; use cases keep their own
/// domain rules. Fields are named as JSON names them (<c>items[2].text</c>).
/// </summary>
public static class InputGuard
{
    private const int MaxDepth = 8;

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <summary>The first bad value, or null. <paramref name="path"/> is the field's name ("" for a body whose properties are the fields).</summary>
    public static Error? Check(string path, object? value, IReadOnlyCollection<Attribute> attributes, DateTimeOffset now) =>
        Check(path, value, attributes, now, 0);

    /// <summary>True for types whose values <see cref="Check(string, object?, IReadOnlyCollection{Attribute}, DateTimeOffset)"/> looks into: input shapes, not services.</summary>
    public static bool IsInputType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsScalar(type))
        {
            return true;
        }

        if (type.IsArray)
        {
            return IsInputType(type.GetElementType()!);
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return type.GetGenericArguments().All(IsInputType);
        }

        return IsRecordOfOurs(type);
    }

    private static Error? Check(string path, object? value, IReadOnlyCollection<Attribute> attributes, DateTimeOffset now, int depth)
    {
        switch (value)
        {
            case null:
                return null;
            case string text:
                var multiLine = attributes.OfType<MultiLineAttribute>().Any();
                return InputText.Check(Name(path), text, MaxLengthOf(attributes) ?? (multiLine ? InputText.DefaultMultiLineMaxLength : InputText.DefaultMaxLength), multiLine);
            case double d:
                return CheckNumber(path, d, attributes);
            case float f:
                return CheckNumber(path, f, attributes);
            case decimal m:
                return CheckNumber(path, (double)m, attributes);
            case int or long or short:
                return CheckNumber(path, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), attributes);
            case DateTimeOffset at:
                return Happened(attributes) ? PlausibleDates.CheckHappened(Name(path), at, now) : PlausibleDates.CheckPlanned(Name(path), at, now);
            case DateTime at:
                var instant = at.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(at, ChinaTime.Offset) : new DateTimeOffset(at.ToUniversalTime());
                return Happened(attributes) ? PlausibleDates.CheckHappened(Name(path), instant, now) : PlausibleDates.CheckPlanned(Name(path), instant, now);
            case DateOnly day:
                return Happened(attributes) ? PlausibleDates.CheckHappened(Name(path), day, now) : PlausibleDates.CheckPlanned(Name(path), day, now);
        }

        if (depth >= MaxDepth || IsScalar(value.GetType()))
        {
            return null;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                // The element's rules are the collection's (a [MultiLine] list of notes).
                if (Check($"{path}[{index++}]", item, attributes, now, depth + 1) is { } error)
                {
                    return error;
                }
            }

            return null;
        }

        if (!IsRecordOfOurs(value.GetType()))
        {
            return null;
        }

        foreach (var member in Members.GetOrAdd(value.GetType(), MembersOf))
        {
            var inner = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
            if (Check(inner, member.Property.GetValue(value), member.Attributes, now, depth + 1) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    private static Error? CheckNumber(string path, double value, IReadOnlyCollection<Attribute> attributes)
    {
        var range = attributes.OfType<RangeAttribute>().FirstOrDefault();
        return range is null
            ? InputNumbers.Check(Name(path), value)
            : InputNumbers.Check(Name(path), value, Convert.ToDouble(range.Minimum, System.Globalization.CultureInfo.InvariantCulture), Convert.ToDouble(range.Maximum, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool Happened(IReadOnlyCollection<Attribute> attributes) => attributes.OfType<HappenedAttribute>().Any();

    private static int? MaxLengthOf(IReadOnlyCollection<Attribute> attributes) =>
        attributes.OfType<MaxLengthAttribute>().FirstOrDefault()?.Length
        ?? attributes.OfType<StringLengthAttribute>().FirstOrDefault()?.MaximumLength;

    // A body's own fields are named without a prefix; a list's items by index.
    private static string Name(string path) => path.Length == 0 ? "body" : path;

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTimeOffset)
        || type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan) || type == typeof(Guid);

    private static bool IsRecordOfOurs(Type type) =>
        type.Namespace?.StartsWith("Fangkong", StringComparison.Ordinal) == true && !type.IsAbstract && !type.IsInterface
        && !typeof(IDisposable).IsAssignableFrom(type) && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Length > 0;

    private static Member[] MembersOf(Type type)
    {
        // A positional record's attributes sit on its constructor's parameters unless written [property: ...].
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.Name is not null)
            .GroupBy(p => p.Name!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && IsInputType(p.PropertyType))
            .Select(p => new Member(
                JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                p,
                [.. p.GetCustomAttributes(true).OfType<Attribute>(), .. parameters.TryGetValue(p.Name, out var parameter) ? parameter.GetCustomAttributes(true).OfType<Attribute>() : []]))];
    }

    private sealed record Member(string Name, PropertyInfo Property, Attribute[] Attributes);
}
