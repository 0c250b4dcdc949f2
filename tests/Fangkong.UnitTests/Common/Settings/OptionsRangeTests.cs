using Fangkong.Common.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong.UnitTests.Common.Settings;

/// <summary>
/// Each options class of the core refuses a value outside its range, naming the setting, the value
/// and the range; the bounds themselves are accepted. The expected ranges are written out here,
/// not read from the classes, so a range changed by mistake fails a test.
/// </summary>
public sealed class OptionsRangeTests
{
    public static TheoryData<string, string, string> OutOfRange => new()
    {
        // ClustersOptions
        { "Clusters:WindowDays", "0", "1 to 60" },
        { "Clusters:WindowDays", "61", "1 to 60" },
        { "Clusters:MinCases", "1", "2 to 1000" },
        { "Clusters:DetectEveryMinutes", "-0.5", "0 to 1440" },
        // InvestigationOptions
        { "Investigation:CheckInOverlapMinutes", "0", "1 to 1440" },
        { "Investigation:CheckInOverlapMinutes", "1441", "1 to 1440" },
        // AreaCriteriaOptions
        { "Areas:Criteria:CleanDays", "0", "1 to 60" },
        { "Areas:Criteria:RoundWindowDays", "15", "0 to 14" },
        { "Areas:Criteria:HighRiskCleanDays", "61", "1 to 60" },
        { "Areas:Criteria:MediumRiskDays", "-1", "0 to 60" },
        // InfectionFreeOptions
        { "InfectionFree:RecheckEveryMinutes", "1441", "0 to 1440" },
        // SocialZeroOptions
        { "SocialZero:Days", "31", "1 to 30" },
        { "SocialZero:ThresholdPer100k", "0", "more than 0 up to 1000" },
        { "SocialZero:ThresholdPer100k", "NaN", "more than 0 up to 1000" },
        // HomeMonitoringOptions
        { "HomeMonitoring:BreachReportHours", "0.1", "0.25 to 72" },
        // QuarantineOptions
        { "Quarantine:CheckCapacityMinutes", "-0.5", "0 to 1440" },
        // AbuseOptions
        { "Passes:Abuse:DistanceKm", "0", "more than 0 up to 5000" },
        { "Passes:Abuse:Minutes", "0", "1 to 1440" },
        { "Passes:Abuse:LookBackHours", "745", "1 to 744" },
        // TestingOptions
        { "Testing:SweepEverySeconds", "3601", "0 to 3600" },
        { "Testing:SweepEverySeconds", "-0.4", "0 to 3600" },
        { "InfectionFree:RecheckEveryMinutes", "-0.4", "0 to 1440" },
        // SupervisionOptions, its own and a detector's
        { "Supervision:TickSeconds", "-0.5", "0 to 3600" },
        { "Supervision:EscalateEveryHours", "0", "1 to 720" },
        { "Supervision:Detectors:round-coverage:MinShare", "1.5", "0 to 1" },
        { "Supervision:Detectors:positive-pool-control:Hours", "0.1", "0.25 to 72" },
        { "Supervision:Detectors:contacts-not-placed:EveryMinutes", "0", "1 to 10080" },
        { "Supervision:Detectors:bulletin-mismatch:DeadlineHours", "721", "1 to 720" },
    };

    public static TheoryData<string, string> AtTheBounds => new()
    {
        { "Clusters:WindowDays", "1" },
        { "Clusters:WindowDays", "60" },
        { "Clusters:DetectEveryMinutes", "0" },
        { "Areas:Criteria:RoundWindowDays", "0" },
        { "SocialZero:ThresholdPer100k", "1000" },
        { "HomeMonitoring:BreachReportHours", "0.25" },
        { "Supervision:Detectors:round-coverage:MinShare", "0" },
        { "Supervision:Detectors:round-coverage:Enabled", "false" },
    };

    [Theory, MemberData(nameof(OutOfRange))]
    public void AValueOutOfRange_IsRefused_NamingTheSettingTheValueAndTheRange(string key, string value, string range)
    {
        var refused = Should.Throw<OptionsValidationException>(() => Validate((key, value)));

        refused.Failures.Count().ShouldBe(1);
        refused.Message.ShouldContain(key);
        refused.Message.ShouldContain($"「{value}」");
        refused.Message.ShouldContain($"可选：{range}");
    }

    [Theory, MemberData(nameof(AtTheBounds))]
    public void AValueAtTheBound_IsAccepted(string key, string value) =>
        Should.NotThrow(() => Validate((key, value)));

    [Fact]
    public void NoSettingsAtAll_TheDefaultsAreValid() =>
        Should.NotThrow(() => Validate());

    [Fact]
    public void TheDefaults_AreTheDocumentedThresholds()
    {
        var services = Provider();
        services.GetRequiredService<Fangkong.Cases.Clusters.ClusterSettings>().ShouldBe(new Fangkong.Cases.Clusters.ClusterSettings(14, 2));
        services.GetRequiredService<Fangkong.Areas.AreaCriteriaSettings>().ShouldBe(new Fangkong.Areas.AreaCriteriaSettings(14, 2, 7, 3));
        services.GetRequiredService<Fangkong.SocialZero.SocialZeroSettings>().ShouldBe(new Fangkong.SocialZero.SocialZeroSettings(3, 1.0));
        services.GetRequiredService<Fangkong.Quarantine.HomeMonitoring.HomeMonitoringSettings>().BreachReportDeadline.ShouldBe(TimeSpan.FromHours(2));
        services.GetRequiredService<Fangkong.Cases.Investigation.CandidateSettings>().CheckInOverlap.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void AValidValue_ReachesTheSettingsTheUseCasesTake()
    {
        var services = Provider(("Clusters:WindowDays", "21"), ("Areas:Criteria:HighRiskCleanDays", "10"), ("Investigation:CheckInOverlapMinutes", "30"));
        services.GetRequiredService<Fangkong.Cases.Clusters.ClusterSettings>().WindowDays.ShouldBe(21);
        services.GetRequiredService<Fangkong.Areas.AreaCriteriaSettings>().HighRiskCleanDays.ShouldBe(10);
        services.GetRequiredService<Fangkong.Cases.Investigation.CandidateSettings>().CheckInOverlap.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void ADetectorSetting_ReachesThatDetectorOnly()
    {
        var options = Provider(("Supervision:Detectors:round-coverage:MinShare", "0.9")).GetRequiredService<IOptions<Fangkong.Supervision.SupervisionOptions>>().Value;
        options.For("round-coverage").Number(new Fangkong.Supervision.Detectors.DetectorParameter("MinShare", 1, 0, 1)).ShouldBe(0.9);
        options.For("bulletin-mismatch").Number(new Fangkong.Supervision.Detectors.DetectorParameter("MinShare", 1, 0, 1)).ShouldBe(1);
    }

    internal static void Validate(params (string Key, string Value)[] values) => Provider(values).ValidateSettingsNow();

    internal static ServiceProvider Provider(params (string Key, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value))
            .Build();
        return new ServiceCollection().AddFangkongSettings(configuration).BuildServiceProvider();
    }
}
