using Fangkong.Cli.Benchmarks;

namespace Fangkong.IntegrationTests.Cli;

/// <summary>
/// <c>bench scan-peak</c>'s <c>scansPerSecond</c> is what the server did (issue 12): swabs over the
/// time until the last answer, not over the offered time, which under overload prints the offer back.
/// </summary>
public sealed class ScanPeakRateTests
{
    [Fact]
    public void Rate_OfAnOfferThatDrainedAfterTheOfferEnded_DividesByTheTimeToTheLastAnswer()
    {
        // 120,000 swabs offered over 60 s, the last answered 122.5 s after the load began at 2 s.
        (double At, int Scans)[] answers = [(3.0, 60_000), (64.0, 59_990), (124.5, 10)];

        ScanPeakRate.AnsweredSeconds(2.0, answers).ShouldBe(122.5);
        ScanPeakRate.PerSecond(120_000, 2.0, answers).ShouldBe(120_000 / 122.5, 1e-9);
    }

    [Fact]
    public void Rate_WithNoAnswer_IsZero_NotADivisionByZero()
    {
        ScanPeakRate.PerSecond(0, 2.0, []).ShouldBe(0);
    }
}
