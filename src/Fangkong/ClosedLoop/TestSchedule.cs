namespace Fangkong.ClosedLoop;

/// <summary>How often a member must be swabbed.</summary>
public enum TestSchedule
{
    /// <summary>每日一检: one swab any time of the China day.</summary>
    Daily,

    /// <summary>每日两检 (早晚各一次): one before noon and one from noon on, as for delivery staff.</summary>
    TwiceDaily,

    /// <summary>隔日一检: one swab on every second day counted from joining.</summary>
    EveryOtherDay,
}

/// <summary>A slot in which one swab is due: a label and a China-local interval.</summary>
public sealed record TestSlot(string Label, DateTimeOffset From, DateTimeOffset To);

public static class TestSlots
{
    /// <summary>The slots due on <paramref name="day"/> for a member who joined on <paramref name="joinedOn"/>.</summary>
    public static IReadOnlyList<TestSlot> For(TestSchedule schedule, DateOnly day, DateOnly joinedOn)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Common.ChinaTime.Offset);
        var noon = start.AddHours(12);
        var end = start.AddDays(1);
        return schedule switch
        {
            TestSchedule.TwiceDaily => [new TestSlot("上午 morning", start, noon), new TestSlot("下午 evening", noon, end)],
            TestSchedule.EveryOtherDay when (day.DayNumber - joinedOn.DayNumber) % 2 != 0 => [],
            _ => [new TestSlot("全天 day", start, end)],
        };
    }
}
