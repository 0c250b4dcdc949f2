using Fangkong.Access;

namespace Fangkong.ClosedLoop;

/// <summary>Kinds of breach of a closed loop found in the data.</summary>
public enum BreachKind
{
    /// <summary>送货人员与其他人员共同食宿: delivery staff share quarters with staff who stay inside.</summary>
    SharedQuarters,

    /// <summary>漏检: a member missed a scheduled swab.</summary>
    MissedTest,
}

/// <summary>
/// A breach recorded for supervision (督导). <see cref="Key"/> names what was found (the quarters,
/// or the member, day and slot) so that detecting again records nothing twice.
/// </summary>
public sealed class ClosedLoopBreach : IRegionScoped
{
    public const int KeyMaxLength = 200;
    public const int DetailMaxLength = 500;

    private ClosedLoopBreach()
    {
        RegionCode = string.Empty;
        Key = string.Empty;
        Detail = string.Empty;
        RecordedBy = string.Empty;
    }

    public ClosedLoopBreach(ClosedLoopGroup group, BreachKind kind, string key, DateOnly day, string detail, string recordedBy, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(group);
        GroupId = group.Id;
        RegionCode = group.RegionCode;
        Kind = kind;
        Key = key;
        Day = day;
        Detail = detail.Length > DetailMaxLength ? detail[..DetailMaxLength] : detail;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long GroupId { get; private set; }

    public string RegionCode { get; private set; }

    public BreachKind Kind { get; private set; }

    public string Key { get; private set; }

    /// <summary>The day the breach was found on.</summary>
    public DateOnly Day { get; private set; }

    public string Detail { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
