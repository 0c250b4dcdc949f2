using Fangkong.Access;

namespace Fangkong.Quarantine;

/// <summary>One run of the allocation over a region: how many were waiting, placed, and left waiting (人等房间), and why.</summary>
public sealed class AllocationRun : IRegionScoped
{
    public const int SummaryMaxLength = 2000;

    private AllocationRun()
    {
        RegionCode = string.Empty;
        RunBy = string.Empty;
        Summary = string.Empty;
    }

    public AllocationRun(string regionCode, string runBy, DateTimeOffset startedAt)
    {
        RegionCode = regionCode;
        RunBy = runBy;
        StartedAt = startedAt.ToUniversalTime();
        Summary = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The region the run covered (the caller's jurisdiction).</summary>
    public string RegionCode { get; private set; }

    public string RunBy { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public int Waiting { get; private set; }

    public int Placed { get; private set; }

    public int Unplaced { get; private set; }

    /// <summary>Why people were left unplaced, e.g. "无可用房间 no room: 12; 无方舱床位 no shelter bed: 3".</summary>
    public string Summary { get; private set; }

    public void Finish(int waiting, int placed, int unplaced, string summary, DateTimeOffset at)
    {
        Waiting = waiting;
        Placed = placed;
        Unplaced = unplaced;
        Summary = summary.Length > SummaryMaxLength ? summary[..SummaryMaxLength] : summary;
        FinishedAt = at.ToUniversalTime();
    }
}
