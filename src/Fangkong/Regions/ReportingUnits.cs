namespace Fangkong.Regions;

/// <summary>
/// The lines of the daily bulletin: each prefecture-level city, except county-level cities that
/// the province administers directly, which report on their own line. Which those are is data
/// (<see cref="Region.IsReportingUnit"/>, set by <c>fangkong regions reporting-unit</c>);
/// <see cref="Defaults"/> are applied when a province is first imported.
/// </summary>
public static class ReportingUnits
{
    /// <summary>梅河口市 (220581), administered directly by Jilin province since 2013, reports on its own line.</summary>
    public static IReadOnlySet<string> Defaults { get; } = new HashSet<string>(StringComparer.Ordinal) { "220581" };

    /// <summary>The reporting unit of a region: its county when that reports on its own line, else its city.</summary>
    public static RegionCode ReportingUnitOf(RegionCode code, IReadOnlySet<string> ownLine)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(ownLine);
        if (code.Level <= RegionLevel.City)
        {
            return code;
        }

        var county = code.Value[..6];
        return RegionCode.Parse(ownLine.Contains(county) ? county : code.Value[..4]);
    }
}
