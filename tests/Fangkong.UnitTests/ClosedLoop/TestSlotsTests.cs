using Fangkong.ClosedLoop;

namespace Fangkong.UnitTests.ClosedLoop;

public sealed class TestSlotsTests
{
    private static readonly DateOnly Day = new(2022, 3, 28);

    [Fact]
    public void TwiceDaily_IsMorningUntilNoonAndEveningFromNoon_ChinaTime()
    {
        var slots = TestSlots.For(TestSchedule.TwiceDaily, Day, Day.AddDays(-5));

        slots.Count.ShouldBe(2);
        slots[0].From.ShouldBe(new DateTimeOffset(2022, 3, 27, 16, 0, 0, TimeSpan.Zero));
        slots[0].To.ShouldBe(new DateTimeOffset(2022, 3, 28, 4, 0, 0, TimeSpan.Zero));
        slots[1].To.ShouldBe(new DateTimeOffset(2022, 3, 28, 16, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void EveryOtherDay_IsDueOnEvenDaysFromJoining_Only()
    {
        TestSlots.For(TestSchedule.EveryOtherDay, Day, Day).Count.ShouldBe(1);
        TestSlots.For(TestSchedule.EveryOtherDay, Day, Day.AddDays(-1)).ShouldBeEmpty();
        TestSlots.For(TestSchedule.EveryOtherDay, Day, Day.AddDays(-2)).Count.ShouldBe(1);
        TestSlots.For(TestSchedule.Daily, Day, Day.AddDays(-1)).Count.ShouldBe(1);
    }
}
