using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// A sampling tube with its barcode and pool size, filled at a sampling point (whose region it
/// carries), then received by a lab with one result. For a positive or invalid tube,
/// <see cref="TracedAt"/> is when every member was put under control or sent to be re-sampled.
/// </summary>
public sealed class Tube : IRegionScoped
{
    public const int BarcodeMaxLength = 32;
    public const int PointMaxLength = 100;
    public const int LabMaxLength = 100;

    private Tube()
    {
        Barcode = string.Empty;
        RegionCode = string.Empty;
        SamplingPoint = string.Empty;
    }

    public Tube(long roundId, string barcode, int poolSize, string regionCode, string samplingPoint, DateTimeOffset openedAt)
    {
        RoundId = roundId;
        Barcode = barcode;
        PoolSize = poolSize;
        RegionCode = regionCode;
        SamplingPoint = samplingPoint;
        OpenedAt = openedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long RoundId { get; private set; }

    public string Barcode { get; private set; }

    public int PoolSize { get; private set; }

    /// <summary>The region of the sampling point.</summary>
    public string RegionCode { get; private set; }

    public string SamplingPoint { get; private set; }

    /// <summary>The registered point the tube was opened at, when its name is one.</summary>
    public long? SamplingPointId { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public int SampleCount { get; private set; }

    public TestResult? Result { get; private set; }

    public double? CtN { get; private set; }

    public double? CtOrf { get; private set; }

    public string? Lab { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    /// <summary>When the result reached Fangkong: the start of the clock for tracing.</summary>
    public DateTimeOffset? ResultReceivedAt { get; private set; }

    public DateTimeOffset? TracedAt { get; private set; }

    public bool IsFull => SampleCount >= PoolSize;

    public void AddSample() => SampleCount++;

    /// <summary>A new tube written by the bulk scan writer gets its id from the database's sequence before the copy.</summary>
    internal void AssignId(long id) => Id = id;

    internal void OpenedAtPoint(long pointId) => SamplingPointId = pointId;

    public void SetResult(TestResult result, double? ctN, double? ctOrf, string lab, DateTimeOffset reportedAt, DateTimeOffset receivedAt)
    {
        Result = result;
        CtN = ctN;
        CtOrf = ctOrf;
        Lab = lab;
        ReportedAt = reportedAt.ToUniversalTime();
        ResultReceivedAt = receivedAt.ToUniversalTime();
    }

    public void MarkTraced(DateTimeOffset at) => TracedAt = at.ToUniversalTime();
}
