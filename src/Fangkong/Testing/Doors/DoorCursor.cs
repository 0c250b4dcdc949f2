using System.Globalization;

namespace Fangkong.Testing.Doors;

/// <summary>
/// Where a page of the door-to-door list ends: the last row's door key and person id, as one
/// string ("key.id") that the next page continues after. Stateless and stable: a person swabbed
/// between two page loads leaves the list without moving anybody else across a page boundary.
/// </summary>
public sealed record DoorCursor(string Key, long PersonId)
{
    public override string ToString() => $"{Key}.{PersonId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads a cursor from <see cref="ToString"/>'s form; null when it is not one.</summary>
    public static DoorCursor? Parse(string? text)
    {
        var dot = text?.LastIndexOf('.') ?? -1;
        if (text is null || dot < 0)
        {
            return null;
        }

        return long.TryParse(text[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? new DoorCursor(text[..dot], id)
            : null;
    }
}
