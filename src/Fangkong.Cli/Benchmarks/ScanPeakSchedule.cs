namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// When each sampling point sends its tubes in the open-loop mode (<c>--rate</c>): a real point
/// swabs one person every few seconds and sends a tube when it is full, whatever the server is
/// doing, so the offered load is a rate, not "as fast as answered". Each of the
/// <c>clients</c> points sends one batch every <see cref="Interval"/>, the points staggered evenly
/// over one interval so that they do not all send at the same instant. Latency is measured from
/// the SCHEDULED send time: a batch that had to wait for the point's previous one (a slow
/// answer) counts that wait, so the server's queueing is not hidden (coordinated omission).
/// </summary>
internal sealed class ScanPeakSchedule
{
    private readonly int _clients;

    public ScanPeakSchedule(double scansPerSecond, int clients, int batch)
    {
        if (scansPerSecond <= 0 || clients < 1 || batch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(scansPerSecond), "The rate, the clients and the batch must be positive.");
        }

        _clients = clients;
        Interval = TimeSpan.FromSeconds(clients * (double)batch / scansPerSecond);
    }

    /// <summary>The time between two batches of one point: points × batch ÷ rate.</summary>
    public TimeSpan Interval { get; }

    /// <summary>When <paramref name="point"/> is due to send its <paramref name="batch"/>-th batch, counted from the start of the load.</summary>
    public TimeSpan SendAt(int point, long batch) => Interval * (batch + ((double)point / _clients));
}
