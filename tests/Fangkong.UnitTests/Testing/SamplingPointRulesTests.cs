using System.Globalization;
using Fangkong.Testing;

namespace Fangkong.UnitTests.Testing;

public sealed class SamplingPointRulesTests
{
    [Theory]
    [InlineData("06:00", "22:00", "05:59", false)]
    [InlineData("06:00", "22:00", "06:00", true)]
    [InlineData("06:00", "22:00", "22:00", false)]
    [InlineData("20:00", "04:00", "23:30", true)]
    [InlineData("20:00", "04:00", "03:59", true)]
    [InlineData("20:00", "04:00", "12:00", false)]
    public void IsOpenAt_FollowsTheHours_ThroughMidnightToo(string opens, string closes, string at, bool open)
    {
        var point = new SamplingPoint("220204003001", "广场", PointKind.Temporary, null, TimeOnly.Parse(opens, CultureInfo.InvariantCulture), TimeOnly.Parse(closes, CultureInfo.InvariantCulture));
        point.IsOpenAt(TimeOnly.Parse(at, CultureInfo.InvariantCulture)).ShouldBe(open);
    }

    [Fact]
    public void SetSamplers_KeepsExactlyTheGivenNames()
    {
        var point = new SamplingPoint("220204003001", "广场", PointKind.Fixed, null, new TimeOnly(6, 0), new TimeOnly(22, 0));
        point.SetSamplers(["b", "a", "a"]);
        point.SetSamplers(["c", "a"]);
        point.Samplers.Select(s => s.UserName).Order(StringComparer.Ordinal).ShouldBe(["a", "c"]);
    }
}
