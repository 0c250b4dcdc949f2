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
    public const int MinWindowDays = 1;
    public const int MaxWindowDays = 60;
    public const int MinMinCases = 2;
    public const int MaxMinCases = 1000;

    public static ClusterSettings Default { get; } = new();

    public Error? Check()
    {
        if (WindowDays is < MinWindowDays or > MaxWindowDays)
        {
            return Error.Invalid("windowDays", ErrorText.Of("error.cases.windowdays"));
        }

        return MinCases is < MinMinCases or > MaxMinCases
            ? Error.Invalid("minCases", ErrorText.Of("error.cases.mincases"))
            : null;
    }
}
