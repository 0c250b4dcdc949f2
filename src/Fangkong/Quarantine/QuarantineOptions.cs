using System.ComponentModel.DataAnnotations;

namespace Fangkong.Quarantine;

/// <summary>The <c>Quarantine</c> section.</summary>
public sealed class QuarantineOptions
{
    public const string Section = "Quarantine";

    /// <summary>The web host counts free rooms and beds this often and allocates again when there are more; 0 turns the job off.</summary>
    [Range(0d, 24d * 60d)]
    public double CheckCapacityMinutes { get; set; } = 5;
}
