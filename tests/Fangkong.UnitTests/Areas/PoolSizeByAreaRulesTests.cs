using Fangkong.Areas;
using Fangkong.Cases;
using Fangkong.Testing;

namespace Fangkong.UnitTests.Areas;

/// <summary>Rule 7 of issue 15: the pool size by designation (either scheme), the plan's sizes checked, and the round's advice held to them.</summary>
public sealed class PoolSizeByAreaRulesTests
{
    private static readonly AreaPoolSizes Eighth = new(1, 5, 10);

    [Theory]
    [InlineData(AreaLevel.Sealed, 1)]
    [InlineData(AreaLevel.HighRisk, 1)]
    [InlineData(AreaLevel.Controlled, 5)]
    [InlineData(AreaLevel.MediumRisk, 5)]
    [InlineData(AreaLevel.Precaution, 10)]
    [InlineData(AreaLevel.LowRisk, 10)]
    [InlineData(null, 10)]
    public void EachLevelOfEitherScheme_GetsThePlansSize(AreaLevel? level, int expected) =>
        AdvisePoolSize.SizeFor(Eighth, level).ShouldBe(expected);

    [Theory]
    [InlineData(1, 5, 10, null)]
    [InlineData(5, 5, 5, null)]
    [InlineData(5, 1, 10, "error.rules4.pool-sizes-out-of-order")]
    [InlineData(1, 20, 10, "error.rules4.pool-sizes-out-of-order")]
    [InlineData(2, 5, 10, "error.rules4.pool-size-not-valid")]
    [InlineData(1, 5, 30, "error.rules4.pool-size-not-valid")]
    public void ThePlansSizes_AreValidatedPoolSizes_NeverLargerWhereTheRiskIsHigher(int sealedSize, int controlled, int elsewhere, string? refusal)
    {
        var error = new AreaPoolSizes(sealedSize, controlled, elsewhere).Check();

        error?.Code.ShouldBe(refusal);
        (error is null).ShouldBe(refusal is null);
        error?.Field.ShouldBe("poolSizes");
    }

    [Fact]
    public void TheRoundsAdvice_IsHeldToTheAreasSize_AtLowPositivityTwentyBecomesTenFiveOrOne()
    {
        var free = PoolAdvice.For(0.001, 100_000, fromRecentResults: false);

        free.Best.PoolSize.ShouldBe(20);
        free.MaxPoolSize.ShouldBeNull();
        PoolAdvice.Within(free, 20).Best.PoolSize.ShouldBe(20);
        PoolAdvice.Within(free, 10).Best.PoolSize.ShouldBe(10);
        PoolAdvice.Within(free, 5).Best.PoolSize.ShouldBe(5);
        var sealedArea = PoolAdvice.Within(free, 1);
        (sealedArea.Best.PoolSize, sealedArea.MaxPoolSize, sealedArea.Best.ExpectedTests).ShouldBe((1, 1, 100_000L));
    }
}
