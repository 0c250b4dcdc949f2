using Fangkong.Demo.Replay;

namespace Fangkong.UnitTests.Demo;

public sealed class JilinCityCalibrationTests
{
    private static readonly JilinCityCalibration Curve = new(2022);

    [Theory]
    [InlineData(3, 15, 393, 376)]
    [InlineData(3, 17, 1_210, 774)]
    [InlineData(3, 20, 452, 545)]
    [InlineData(3, 22, 331, 522)]
    [InlineData(3, 23, 516, 531)]
    [InlineData(4, 2, 230, 397)]
    [InlineData(4, 8, 87, 56)]
    public void PublishedDays_GiveTheBulletinFigures_WhateverTheSeed(int month, int day, int confirmed, int asymptomatic)
    {
        foreach (var seed in new[] { 1, 2022, 99_999 })
        {
            var target = new JilinCityCalibration(seed).For(new DateOnly(2022, month, day));
            target.Confirmed.ShouldBe(confirmed);
            target.Asymptomatic.ShouldBe(asymptomatic);
            target.Published.ShouldBeTrue();
        }
    }

    [Fact]
    public void March15_HasTheConversionsAndClinicalTypesOfItsNotice()
    {
        var target = Curve.For(new DateOnly(2022, 3, 15));
        (target.Conversions, target.Mild, target.Moderate, target.Severe).ShouldBe((18, 381, 11, 1));
    }

    [Fact]
    public void BeforeTheFirstPositive_NoCase_AndTheFirstPositiveOnMarch2()
    {
        var first = Curve.For(JilinCityCalibration.FirstDay);
        (first.Confirmed + first.Asymptomatic).ShouldBe(0);
        var second = Curve.For(new DateOnly(2022, 3, 2));
        (second.Confirmed + second.Asymptomatic).ShouldBe(1);
    }

    [Fact]
    public void DaysBetween_StayNearTheGeometricCurve_AndDependOnTheSeedOnly()
    {
        // 3/16 lies between 3/15 (393) and 3/17 (1,210): the geometric mean of 394 and 1,211, less one, ±10 %.
        var middle = Math.Sqrt(394.0 * 1_211) - 1;
        var day = new DateOnly(2022, 3, 16);
        var target = Curve.For(day);
        target.Confirmed.ShouldBeInRange((int)Math.Floor(middle * 0.9), (int)Math.Ceiling(middle * 1.1));
        target.Published.ShouldBeFalse();
        new JilinCityCalibration(2022).For(day).ShouldBe(target);
        Enumerable.Range(1, 20).Select(seed => new JilinCityCalibration(seed).For(day).Confirmed).Distinct().Count().ShouldBeGreaterThan(1);
    }

    [Fact]
    public void EveryDay_HasAsManyTypesAsConfirmed_AndFewerConversionsThanConfirmed()
    {
        foreach (var target in Curve.Days(JilinCityCalibration.FirstDay, JilinCityCalibration.LastDay))
        {
            (target.Mild + target.Moderate + target.Severe).ShouldBe(target.Confirmed);
            target.Mild.ShouldBeGreaterThanOrEqualTo(0);
            target.Conversions.ShouldBeLessThanOrEqualTo(target.Confirmed);
        }
    }

    [Fact]
    public void DaysOutsideTheScenario_AreRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Curve.For(new DateOnly(2022, 2, 28)));
        Should.Throw<ArgumentOutOfRangeException>(() => Curve.For(new DateOnly(2022, 4, 16)));
    }

    [Fact]
    public void ControlShare_IsNoneUntilMarch4_AndNinetyPercentFromMarch14()
    {
        DayPlan.ShareUnderControl(new DateOnly(2022, 3, 4)).ShouldBe(0);
        DayPlan.ShareUnderControl(new DateOnly(2022, 3, 9)).ShouldBe(0.45, 1e-9);
        DayPlan.ShareUnderControl(new DateOnly(2022, 3, 14)).ShouldBe(0.9);
        DayPlan.ShareUnderControl(new DateOnly(2022, 4, 1)).ShouldBe(0.9);
    }

    [Fact]
    public void SimulationClock_MovesForward_AndRefusesToGoBack()
    {
        var clock = SimulationClock.StartingOn(new DateOnly(2022, 3, 1));
        clock.MoveTo(new DateOnly(2022, 3, 1), 7);
        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2022, 2, 28, 23, 0, 0, TimeSpan.Zero));
        clock.MoveTo(new DateOnly(2022, 3, 2), 13);
        Should.Throw<InvalidOperationException>(() => clock.MoveTo(new DateOnly(2022, 3, 2), 12));
    }
}
