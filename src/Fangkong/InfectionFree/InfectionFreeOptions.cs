using System.ComponentModel.DataAnnotations;

namespace Fangkong.InfectionFree;

/// <summary>The <c>InfectionFree</c> section (the criteria themselves are <c>Areas:Criteria</c>).</summary>
public sealed class InfectionFreeOptions
{
    public const string Section = "InfectionFree";

    /// <summary>The web host re-checks every open label this often; 0 turns the job off.</summary>
    [Range(0d, 24d * 60d)]
    public double RecheckEveryMinutes { get; set; } = 60;
}
