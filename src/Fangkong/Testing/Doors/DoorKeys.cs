using System.Globalization;

namespace Fangkong.Testing.Doors;

/// <summary>
/// The leading parts of <c>persons.door_key</c> (migration 0175): compound, building and unit ids,
/// each zero-padded to 12 digits, then the room padded to 20. The filters by compound or building
/// are ranges of the key, so a filtered page reads only that compound's or building's index entries.
/// </summary>
public static class DoorKeys
{
    private const int IdWidth = 12;

    /// <summary>One id as it stands in the key; a missing id is 0, as in the column's expression.</summary>
    public static string Part(long? id) => (id ?? 0).ToString(CultureInfo.InvariantCulture).PadLeft(IdWidth, '0');

    /// <summary>The key range [from, to) of one compound, or of one building of a compound.</summary>
    public static (string From, string To) Range(long compoundId, long? buildingId) => buildingId is { } building
        ? (Part(compoundId) + Part(building), Part(compoundId) + Part(building + 1))
        : (Part(compoundId), Part(compoundId + 1));
}
