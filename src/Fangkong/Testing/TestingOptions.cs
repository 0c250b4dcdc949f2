using System.ComponentModel.DataAnnotations;

namespace Fangkong.Testing;

/// <summary>The <c>Testing</c> section.</summary>
public sealed class TestingOptions
{
    public const string Section = "Testing";

    /// <summary>
    /// The web host traces the positive and invalid tubes whose tracing did not finish with their
    /// result this often (<see cref="SweepUntraced"/>); 0 turns the job off.
    /// </summary>
    [Range(0d, 60d * 60d)]
    public double SweepEverySeconds { get; set; } = 30;
}
