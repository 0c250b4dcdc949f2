using Fangkong.Common;
using Fangkong.Common.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure.Clock;

/// <summary>
/// The web host's <see cref="TimeProvider"/>: the system's, or an <see cref="AsOfClock"/> on the day
/// of <c>Clock:AsOf</c>. Read when first needed, so a setting added after this call (a test's) counts;
/// a clock registered later (a test's fake) still wins.
/// </summary>
public static class ClockSetup
{
    public static WebApplicationBuilder AddFangkongClock(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSettings<ClockOptions>(builder.Configuration, ClockOptions.Section);
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp =>
            sp.GetRequiredService<IOptions<ClockOptions>>().Value.AsOf is { } day ? new AsOfClock(day, TimeProvider.System) : TimeProvider.System));
        return builder;
    }
}
