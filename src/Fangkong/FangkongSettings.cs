using Fangkong.Areas;
using Fangkong.Cases.Clusters;
using Fangkong.Cases.Investigation;
using Fangkong.Common.Settings;
using Fangkong.InfectionFree;
using Fangkong.Passes;
using Fangkong.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.SocialZero;
using Fangkong.Supervision;
using Fangkong.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong;

/// <summary>
/// Every section of the core's settings, registered for the web host and the CLI alike; each
/// options class lives with the capability that owns it. The domain settings the use cases take
/// (<see cref="ClusterSettings"/>, ...) are registered too, made from the validated options.
/// </summary>
public static class FangkongSettings
{
    /// <summary>(section, options class) of every core section, for the documentation test and the operator's listing.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        (ClustersOptions.Section, typeof(ClustersOptions)),
        (InvestigationOptions.Section, typeof(InvestigationOptions)),
        (AreaCriteriaOptions.Section, typeof(AreaCriteriaOptions)),
        (InfectionFreeOptions.Section, typeof(InfectionFreeOptions)),
        (SocialZeroOptions.Section, typeof(SocialZeroOptions)),
        (HomeMonitoringOptions.Section, typeof(HomeMonitoringOptions)),
        (QuarantineOptions.Section, typeof(QuarantineOptions)),
        (AbuseOptions.Section, typeof(AbuseOptions)),
        (TestingOptions.Section, typeof(TestingOptions)),
        (SupervisionOptions.Section, typeof(SupervisionOptions)),
        (Accountability.NoticesOptions.Section, typeof(Accountability.NoticesOptions)),
        (Livelihood.LivelihoodOptions.Section, typeof(Livelihood.LivelihoodOptions)),
    ];

    public static IServiceCollection AddFangkongSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ClustersOptions>(configuration, ClustersOptions.Section);
        services.AddSettings<InvestigationOptions>(configuration, InvestigationOptions.Section);
        services.AddSettings<AreaCriteriaOptions>(configuration, AreaCriteriaOptions.Section);
        services.AddSettings<InfectionFreeOptions>(configuration, InfectionFreeOptions.Section);
        services.AddSettings<SocialZeroOptions>(configuration, SocialZeroOptions.Section);
        services.AddSettings<HomeMonitoringOptions>(configuration, HomeMonitoringOptions.Section);
        services.AddSettings<QuarantineOptions>(configuration, QuarantineOptions.Section);
        services.AddSettings<AbuseOptions>(configuration, AbuseOptions.Section);
        services.AddSettings<TestingOptions>(configuration, TestingOptions.Section);
        services.AddSettings<SupervisionOptions>(configuration, SupervisionOptions.Section);
        services.AddSettings<Accountability.NoticesOptions>(configuration, Accountability.NoticesOptions.Section);
        services.AddSettings<Livelihood.LivelihoodOptions>(configuration, Livelihood.LivelihoodOptions.Section);

        // What the use cases take, from the options once validated.
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClustersOptions>>().Value.Settings);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<InvestigationOptions>>().Value.Settings);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AreaCriteriaOptions>>().Value.Settings);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<SocialZeroOptions>>().Value.Settings);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<HomeMonitoringOptions>>().Value.Settings);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AbuseOptions>>().Value.Settings);
        return services;
    }
}
