using Fangkong.Access;
using Fangkong.Places;

namespace Fangkong.Cases.Clusters;

public enum ClusterStatus
{
    Active,

    /// <summary>Merged into an older cluster (<see cref="Cluster.MergedIntoId"/>); kept for its history.</summary>
    Merged,
}

public enum ClusterEventKind
{
    Formed,
    Grew,

    /// <summary>This cluster took in another (<see cref="ClusterEvent.OtherClusterId"/>).</summary>
    Absorbed,

    /// <summary>This cluster was merged into another (<see cref="ClusterEvent.OtherClusterId"/>).</summary>
    MergedInto,
}

/// <summary>
/// A cluster (聚集性疫情): cases linked through the same place or household within the window.
/// Its id is stable: detection grows it rather than recreating it, and two clusters that become
/// linked merge into the older one, which keeps the other's cases; the younger stays as a merged
/// record. Its region is the region of its main place or household (the jurisdiction).
/// </summary>
public sealed class Cluster : IRegionScoped
{
    private readonly List<ClusterCase> _cases = [];
    private readonly List<ClusterEvent> _history = [];

    private Cluster()
    {
        RegionCode = string.Empty;
        TargetKey = string.Empty;
    }

    public long Id { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>The main place or household (see <see cref="CaseLink.TargetKey"/>): the one that links the most cases.</summary>
    public string TargetKey { get; private set; }

    public long? PlaceId { get; private set; }

    public string? PlaceName { get; private set; }

    public PlaceKind? PlaceKind { get; private set; }

    public string? HouseholdNo { get; private set; }

    /// <summary>院内感染: a hospital links cases of this cluster.</summary>
    public bool IsNosocomial { get; private set; }

    /// <summary>A place under closed management (nursing home, school, closed-loop enterprise) links cases: flagged for supervision.</summary>
    public bool NeedsSupervision { get; private set; }

    public int CaseCount { get; private set; }

    public DateOnly FirstCaseOn { get; private set; }

    public DateOnly LastCaseOn { get; private set; }

    public ClusterStatus Status { get; private set; }

    public long? MergedIntoId { get; private set; }

    public DateOnly FormedOn { get; private set; }

    public DateOnly UpdatedOn { get; private set; }

    public IReadOnlyCollection<ClusterCase> Cases => _cases.AsReadOnly();

    public IReadOnlyCollection<ClusterEvent> History => _history.AsReadOnly();

    /// <summary>What detection found about a group of cases: its main target and flags.</summary>
    public sealed record Description(
        string RegionCode, string TargetKey, long? PlaceId, string? PlaceName, PlaceKind? PlaceKind, string? HouseholdNo,
        bool IsNosocomial, bool NeedsSupervision, DateOnly FirstCaseOn, DateOnly LastCaseOn);

    public static Cluster Form(IEnumerable<long> caseIds, Description description, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        var cluster = new Cluster { FormedOn = on, UpdatedOn = on, Status = ClusterStatus.Active };
        foreach (var id in caseIds.Distinct())
        {
            cluster._cases.Add(new ClusterCase(id, on));
        }

        cluster.CaseCount = cluster._cases.Count;
        cluster.Describe(description);
        cluster._history.Add(new ClusterEvent(ClusterEventKind.Formed, on, null, cluster.CaseCount));
        return cluster;
    }

    /// <summary>Adds the cases not yet in the cluster; returns how many were new.</summary>
    public int Grow(IEnumerable<long> caseIds, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(caseIds);
        EnsureActive();
        var known = _cases.Select(c => c.CaseId).ToHashSet();
        var added = 0;
        foreach (var id in caseIds.Where(known.Add))
        {
            _cases.Add(new ClusterCase(id, on));
            added++;
        }

        if (added > 0)
        {
            CaseCount = _cases.Count;
            UpdatedOn = on;
            _history.Add(new ClusterEvent(ClusterEventKind.Grew, on, null, CaseCount));
        }

        return added;
    }

    /// <summary>Takes in a younger cluster's (higher id, detected later) cases; the younger one is left merged into this one, with its history.</summary>
    public void Absorb(Cluster younger, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(younger);
        EnsureActive();
        younger.EnsureActive();
        if (younger.Id <= Id)
        {
            throw new InvalidOperationException($"Cluster {Id} can only absorb a younger cluster, not {younger.Id}.");
        }

        var known = _cases.Select(c => c.CaseId).ToHashSet();
        foreach (var member in younger._cases.Where(m => known.Add(m.CaseId)))
        {
            _cases.Add(new ClusterCase(member.CaseId, member.JoinedOn));
        }

        younger._cases.Clear();
        younger.Status = ClusterStatus.Merged;
        younger.MergedIntoId = Id;
        younger.UpdatedOn = on;
        younger._history.Add(new ClusterEvent(ClusterEventKind.MergedInto, on, Id, younger.CaseCount));
        CaseCount = _cases.Count;
        UpdatedOn = on;
        _history.Add(new ClusterEvent(ClusterEventKind.Absorbed, on, younger.Id, CaseCount));
    }

    /// <summary>Sets the main target and flags; returns whether anything changed.</summary>
    public bool Describe(Description d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var changed = RegionCode != d.RegionCode || TargetKey != d.TargetKey || PlaceId != d.PlaceId || PlaceName != d.PlaceName || PlaceKind != d.PlaceKind
            || HouseholdNo != d.HouseholdNo || IsNosocomial != d.IsNosocomial || NeedsSupervision != d.NeedsSupervision
            || FirstCaseOn != d.FirstCaseOn || LastCaseOn != d.LastCaseOn;
        (RegionCode, TargetKey, PlaceId, PlaceName, PlaceKind, HouseholdNo) = (d.RegionCode, d.TargetKey, d.PlaceId, d.PlaceName, d.PlaceKind, d.HouseholdNo);
        (IsNosocomial, NeedsSupervision, FirstCaseOn, LastCaseOn) = (d.IsNosocomial, d.NeedsSupervision, d.FirstCaseOn, d.LastCaseOn);
        return changed;
    }

    /// <summary>The kinds of place under closed management (封闭管理), whose clusters are supervised.</summary>
    public static bool IsClosedManagement(PlaceKind kind, bool closedLoop) =>
        kind is Places.PlaceKind.NursingHome or Places.PlaceKind.School or Places.PlaceKind.University
        || (kind == Places.PlaceKind.Enterprise && closedLoop);

    private void EnsureActive()
    {
        if (Status != ClusterStatus.Active)
        {
            throw new InvalidOperationException($"Cluster {Id} was merged into {MergedIntoId}.");
        }
    }
}

/// <summary>A case in a cluster, since the detection that added it.</summary>
public sealed class ClusterCase
{
    private ClusterCase()
    {
    }

    public ClusterCase(long caseId, DateOnly joinedOn)
    {
        CaseId = caseId;
        JoinedOn = joinedOn;
    }

    public long Id { get; private set; }

    public long ClusterId { get; private set; }

    public long CaseId { get; private set; }

    public DateOnly JoinedOn { get; private set; }
}

/// <summary>A step in a cluster's history: formed, grew, absorbed another, merged into another.</summary>
public sealed class ClusterEvent
{
    private ClusterEvent()
    {
    }

    public ClusterEvent(ClusterEventKind kind, DateOnly on, long? otherClusterId, int caseCount)
    {
        Kind = kind;
        On = on;
        OtherClusterId = otherClusterId;
        CaseCount = caseCount;
    }

    public long Id { get; private set; }

    public long ClusterId { get; private set; }

    public ClusterEventKind Kind { get; private set; }

    public DateOnly On { get; private set; }

    public long? OtherClusterId { get; private set; }

    /// <summary>The cluster's number of cases after the step.</summary>
    public int CaseCount { get; private set; }
}
