using System.ComponentModel.DataAnnotations;

namespace Fangkong.Cases.Clusters;

/// <summary>The <c>Clusters</c> section: when linked cases form a cluster, and how often the web host looks.</summary>
public sealed class ClustersOptions
{
    public const string Section = "Clusters";

    /// <summary>Two links to the same place or household at most this many days apart join their cases.</summary>
    [Range(ClusterSettings.MinWindowDays, ClusterSettings.MaxWindowDays)]
    public int WindowDays { get; set; } = ClusterSettings.DefaultWindowDays;

    /// <summary>The smallest group of linked cases that is a cluster.</summary>
    [Range(ClusterSettings.MinMinCases, ClusterSettings.MaxMinCases)]
    public int MinCases { get; set; } = ClusterSettings.DefaultMinCases;

    /// <summary>The web host recomputes the clusters this often; 0 turns the job off.</summary>
    [Range(0d, 24d * 60d)]
    public double DetectEveryMinutes { get; set; } = 60;

    public ClusterSettings Settings => new(WindowDays, MinCases);
}
