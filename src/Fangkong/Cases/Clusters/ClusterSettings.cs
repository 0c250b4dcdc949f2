using Fangkong.Common;

namespace Fangkong.Cases.Clusters;

/// <summary>
/// When linked cases form a cluster: two links to the same place or household at most
/// <see cref="WindowDays"/> apart join their cases, and a group of at least <see cref="MinCases"/>
/// cases is a cluster. Defaults follow the national plan (14 days, 2 cases).
/// </summary>
public sealed record ClusterSettings(int WindowDays = ClusterSettings.DefaultWindowDays, int MinCases = ClusterSettings.DefaultMinCases)
{
    public const int DefaultWindowDays = 14;
    public const int DefaultMinCases = 2;

    public static ClusterSettings Default { get; } = new();

    public Error? Check()
    {
        if (WindowDays is < 1 or > 60)
        {
            return Error.Invalid("windowDays", ErrorText.Of("error.cases.windowdays"));
        }

        return MinCases is < 2 or > 1000
            ? Error.Invalid("minCases", ErrorText.Of("error.cases.mincases"))
            : null;
    }
}
