namespace Fangkong.Regions;

/// <summary>
/// The short names the bulletins of Jilin use for its units whose full names are long: the
/// autonomous prefecture and counties (延边朝鲜族自治州 → 延边州, as in seeds 000 and 003) and
/// Jilin City's development zones, named as its notices name them (高新区, 经开区). Applied when
/// the regions are imported (and by migration 0165 to regions already loaded); stored in
/// <see cref="Region.ShortName"/>, so another province's are data, not code.
/// </summary>
public static class RegionShortNames
{
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["2224"] = "延边州",
        ["220323"] = "伊通县",
        ["220623"] = "长白县",
        ["220721"] = "前郭县",
        ["220271"] = "经开区",
        ["220272"] = "高新区",
        ["220273"] = "中新食品区",
    };

    /// <summary>The name a bulletin prints: the short name when there is one.</summary>
    public static string Of(string name, string? shortName) => string.IsNullOrWhiteSpace(shortName) ? name : shortName;
}
