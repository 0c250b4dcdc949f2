using Fangkong.Access;

namespace Fangkong.ClosedLoop;

/// <summary>A person in a closed loop: role, quarters (where he sleeps and eats), test schedule, from when to when.</summary>
public sealed class ClosedLoopMember : IRegionScoped
{
    public const int QuartersMaxLength = 100;

    private ClosedLoopMember()
    {
        RegionCode = string.Empty;
        Quarters = string.Empty;
    }

    public ClosedLoopMember(ClosedLoopGroup group, long personId, ClosedLoopRole role, string quarters, TestSchedule schedule, DateOnly joinedOn)
    {
        ArgumentNullException.ThrowIfNull(group);
        GroupId = group.Id;
        RegionCode = group.RegionCode;
        PersonId = personId;
        Role = role;
        Quarters = quarters;
        Schedule = schedule;
        JoinedOn = joinedOn;
    }

    public long Id { get; private set; }

    public long GroupId { get; private set; }

    public string RegionCode { get; private set; }

    public long PersonId { get; private set; }

    public ClosedLoopRole Role { get; private set; }

    /// <summary>住宿: the dormitory or quarters, as the unit names it (e.g. 1号宿舍楼).</summary>
    public string Quarters { get; private set; }

    public TestSchedule Schedule { get; private set; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public void Change(ClosedLoopRole role, string quarters, TestSchedule schedule)
    {
        Role = role;
        Quarters = quarters;
        Schedule = schedule;
    }

    public void Leave(DateOnly on) => LeftOn = on;
}
