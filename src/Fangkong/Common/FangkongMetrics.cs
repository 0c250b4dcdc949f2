using System.Diagnostics.Metrics;

namespace Fangkong.Common;

/// <summary>
/// The product's own measurements, on one <see cref="Meter"/> that the web host exports (Prometheus,
/// OTLP): what the seeds call slow ("核酸检测慢、混管追踪慢、隔离转运慢") watched all day, not measured once.
/// Instruments are static so that the use cases record without a dependency; with no listener
/// attached (CLI, tests) recording costs next to nothing.
/// </summary>
public static class FangkongMetrics
{
    public const string MeterName = "Fangkong";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> SwabsRecorded = Meter.CreateCounter<long>(
        "fangkong.swabs.recorded", "{swab}", "Swabs accepted into a tube");

    private static readonly Counter<long> SwabsRefused = Meter.CreateCounter<long>(
        "fangkong.swabs.refused", "{swab}", "Swabs refused, one by one, with a reason for the sampler");

    private static readonly Counter<long> MembersControlled = Meter.CreateCounter<long>(
        "fangkong.tracing.members_controlled", "{person}", "People put under control because their tube was positive");

    private static readonly Histogram<double> ResultToControl = Meter.CreateHistogram<double>(
        "fangkong.tracing.result_to_control", "s", "From a tube's result received to its members under control (混管追踪)");

    private static readonly Histogram<double> AllocationDuration = Meter.CreateHistogram<double>(
        "fangkong.allocation.duration", "s", "Time of one quarantine allocation run");

    private static readonly Counter<long> PeopleUnplaced = Meter.CreateCounter<long>(
        "fangkong.allocation.unplaced", "{person}", "People an allocation run could not place (人等床位)");

    private static readonly Counter<long> ImportRows = Meter.CreateCounter<long>(
        "fangkong.import.rows", "{row}", "Rows read by imports");

    private static readonly Histogram<double> ImportRate = Meter.CreateHistogram<double>(
        "fangkong.import.rate", "{row}/s", "Rows per second of one import");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>(
        "fangkong.jobs.runs", "{run}", "Background job ticks by outcome");

    public static void Swabs(int recorded, int refused)
    {
        if (recorded > 0)
        {
            SwabsRecorded.Add(recorded);
        }

        if (refused > 0)
        {
            SwabsRefused.Add(refused);
        }
    }

    public static void Traced(int peopleControlled, IEnumerable<TimeSpan> resultToControl)
    {
        ArgumentNullException.ThrowIfNull(resultToControl);
        if (peopleControlled > 0)
        {
            MembersControlled.Add(peopleControlled);
        }

        foreach (var latency in resultToControl)
        {
            ResultToControl.Record(Math.Max(0, latency.TotalSeconds));
        }
    }

    public static void Allocated(double seconds, int unplaced)
    {
        AllocationDuration.Record(seconds);
        if (unplaced > 0)
        {
            PeopleUnplaced.Add(unplaced);
        }
    }

    public static void Imported(string kind, long rows, TimeSpan elapsed)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        ImportRows.Add(rows, tag);
        if (elapsed > TimeSpan.Zero && rows > 0)
        {
            ImportRate.Record(rows / elapsed.TotalSeconds, tag);
        }
    }

    public static void JobRan(string job, bool succeeded) =>
        JobRuns.Add(1, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "ok" : "failed"));
}
