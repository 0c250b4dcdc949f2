using Fangkong.Quarantine.Sites;

namespace Fangkong.Demo.Replay;

/// <summary>
/// The quarantine sites and hospitals of the replay and the day each opens: a few hotels and the
/// designated hospital from the start, then waves of hotels and shelter hospitals (方舱) as the
/// curve rises, so that rooms and beds run short in mid-March (人等床位) and are ahead of the
/// demand once the late waves open (床等人). The sizes are assumptions at the city's scale (the
/// case counts are the city's whatever the population), multiplied by the replay's capacity
/// scale; the names are generic, not the real sites'. docs/replay.md lists them.
/// </summary>
internal static class ReplaySites
{
    /// <summary>A site of the schedule at full scale.</summary>
    public sealed record Opening(DateOnly Day, string Name, string Kind, string County, string Address, double Latitude, double Longitude, int Spaces);

    private static readonly (string Code, string Name, double Latitude, double Longitude)[] Counties =
    [
        ("220202", "昌邑区", 43.882, 126.572),
        ("220203", "龙潭区", 43.910, 126.562),
        ("220204", "船营区", 43.846, 126.538),
        ("220211", "丰满区", 43.805, 126.563),
    ];

    /// <summary>The schedule: (day, hotel rooms, shelter beds, designated beds) opened that day.</summary>
    private static readonly (DateOnly Day, int Rooms, int Shelter, int Designated)[] Waves =
    [
        (new(2022, 3, 1), 400, 0, 100),
        (new(2022, 3, 6), 1_000, 1_000, 0),
        (new(2022, 3, 12), 4_000, 3_000, 200),
        (new(2022, 3, 16), 8_000, 6_000, 200),
        (new(2022, 3, 21), 10_000, 10_000, 0),
        (new(2022, 3, 27), 8_000, 8_000, 0),
    ];

    /// <summary>At most this many spaces a site: a shelter hospital of 60 care units of 20 beds (SaveSite's limits).</summary>
    private const int SiteSize = 1_200;

    /// <summary>Every opening up to and including <paramref name="day"/>, scaled; a site that scales to no space is left out.</summary>
    public static IEnumerable<Opening> UpTo(DateOnly day, double scale)
    {
        foreach (var wave in Waves.Where(w => w.Day <= day))
        {
            foreach (var opening in Split(wave.Day, "hotel", "隔离酒店", wave.Rooms, scale)
                .Concat(Split(wave.Day, "shelter", "方舱医院", wave.Shelter, scale))
                .Concat(Split(wave.Day, "designated", "定点医院病区", wave.Designated, scale)))
            {
                yield return opening;
            }
        }
    }

    /// <summary>The command that registers <paramref name="opening"/>: floors of 20 (shelter care units) or 50 rooms.</summary>
    public static SaveSite.Command Command(Opening opening)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var perSection = opening.Kind == "hotel" ? 50 : 20;
        var sections = (opening.Spaces + perSection - 1) / perSection;
        perSection = (opening.Spaces + sections - 1) / sections;
        return new SaveSite.Command(
            opening.Name, opening.Kind, opening.County, opening.Address, opening.Latitude, opening.Longitude, Math.Max(4, opening.Spaces / 20), "复现值守", "0432-00000000", sections, perSection);
    }

    /// <summary>A wave's spaces of one kind, scaled, in sites of at most <see cref="SiteSize"/> spread over the four urban districts.</summary>
    internal static IEnumerable<Opening> Split(DateOnly day, string kind, string label, int spaces, double scale)
    {
        var total = (int)Math.Round(spaces * scale);
        for (var n = 0; total > 0; n++)
        {
            var size = Math.Min(SiteSize, total);
            total -= size;
            var (code, county, latitude, longitude) = Counties[n % Counties.Length];
            yield return new Opening(
                day, $"{county}{label}{day:MMdd}-{n + 1}（复现）", kind, code, $"{county}（复现）", latitude + n * 0.002, longitude + n * 0.002, size);
        }
    }
}
