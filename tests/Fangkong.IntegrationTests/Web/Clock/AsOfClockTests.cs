using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong.IntegrationTests.Web.Clock;

/// <summary>
/// The web's clock set to a day of the replayed scenario (setting Clock:AsOf, <c>serve --as-of</c>):
/// pages and APIs that default to "today" show that day; without the setting they show the real
/// date; a day that is not a date stops the host with a message naming the setting.
/// </summary>
public sealed class AsOfClockTests
{
    private static readonly DateOnly March20 = new(2022, 3, 20);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ClockSetToADayOfTheScenario_PagesAndApisShowThatDay(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, b => b.Configuration["Clock:AsOf"] = "2022-03-20");
        var time = host.App.Services.GetRequiredService<TimeProvider>();
        time.ShouldBeOfType<AsOfClock>();
        ChinaTime.Today(time).ShouldBe(March20);

        using var county = await host.ClientAsync("county");
        var series = await county.GetFromJsonAsync<JsonElement>($"/api/v1/social-zero?region={WebTestData.County}");
        var items = series.GetProperty("items");
        items.GetArrayLength().ShouldBe(14);
        items[items.GetArrayLength() - 1].GetProperty("on").GetString().ShouldBe("2022-03-20");
        items[0].GetProperty("on").GetString().ShouldBe("2022-03-07");

        var page = await county.GetStringAsync($"/social-zero?region={WebTestData.County}");
        page.ShouldContain("2022-03-20");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task WithoutTheSetting_TheClockIsTheRealOne(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        host.App.Services.GetRequiredService<TimeProvider>().ShouldBeSameAs(TimeProvider.System);
        using var county = await host.ClientAsync("county");
        var series = await county.GetFromJsonAsync<JsonElement>($"/api/v1/social-zero?region={WebTestData.County}");
        var items = series.GetProperty("items");
        items[items.GetArrayLength() - 1].GetProperty("on").GetString().ShouldBe(ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ADayThatIsNotADate_IsRefused_NamingTheSetting(DatabaseProvider provider)
    {
        var refused = await Should.ThrowAsync<OptionsValidationException>(
            () => WebTestHost.StartAsync(provider, b => b.Configuration["Clock:AsOf"] = "2022-13-01"));
        refused.Message.ShouldContain("Clock:AsOf");
    }

    [Fact]
    public void TheAsOfClock_KeepsTheTimeOfDay_OnTheChosenDay()
    {
        var real = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero));
        var clock = new AsOfClock(March20, real);

        // 23:30 UTC is 07:30 of 12-04 in China: the clock says 07:30 of 03-20 in China.
        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2022, 3, 20, 7, 30, 0, Clocks.China));
        real.Advance(TimeSpan.FromHours(2));
        clock.GetUtcNow().ShouldBe(new DateTimeOffset(2022, 3, 20, 9, 30, 0, Clocks.China));
    }
}
