using Fangkong.Common;

namespace Fangkong.Cases;

/// <summary>What follows a case's release: isolation with health monitoring, or home health monitoring.</summary>
public enum AfterRelease
{
    /// <summary>隔离管理和健康状况监测 (8th revised edition: 14 days).</summary>
    IsolationMonitoring,

    /// <summary>居家健康监测 (9th edition: 7 days).</summary>
    HomeMonitoring,
}

/// <summary>
/// One edition of the treatment plan (诊疗方案) as data: the release criterion of cases. Its
/// editions are a version line of their own beside the prevention plan (防控方案,
/// <see cref="PolicyVersion"/>): in Jilin, March 2022, the 8th revised treatment plan gave way to the
/// 9th on 2022-03-15 while the 8th prevention plan stayed in force until 2022-06-28 (DOMAIN §2).
/// A plan applies to a region prefix ("" = the whole country) from a date; migration 0161 ships both.
/// </summary>
public sealed class TreatmentPlan : IRegionalEdition
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    /// <summary>The codes of the editions shipped by migration 0161.</summary>
    public const string EighthRevised = "treatment-8r";

    public const string Ninth = "treatment-9";

    private TreatmentPlan()
    {
        Code = string.Empty;
        Name = string.Empty;
        RegionPrefix = string.Empty;
    }

    public long Id { get; private set; }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public string RegionPrefix { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>
    /// Both the N and the ORF gene at or above this Ct (or the lab's "not detected"): 40, the
    /// negative cut-off, for the 8th revised edition's "two negative tests"; 35 for the 9th.
    /// </summary>
    public double MinCt { get; private set; }

    public int ConsecutiveTests { get; private set; }

    public int IntervalHours { get; private set; }

    /// <summary>A confirmed case's temperature normal for at least this many days; 0 = not required (9th).</summary>
    public int FeverFreeDays { get; private set; }

    /// <summary>A confirmed case's respiratory symptoms and lung imaging (CT) clearly improved (8th revised).</summary>
    public bool NeedsClinicalImprovement { get; private set; }

    public AfterRelease AfterRelease { get; private set; }

    /// <summary>Days of <see cref="AfterRelease"/> after the release.</summary>
    public int AfterReleaseDays { get; private set; }

    /// <summary>Validates and creates a plan edition; every refusal names its field.</summary>
    public static Common.Result<TreatmentPlan> Create(
        string code, string name, string? regionPrefix, DateOnly effectiveFrom, double minCt, int consecutiveTests, int intervalHours,
        int feverFreeDays, bool needsClinicalImprovement, AfterRelease afterRelease, int afterReleaseDays)
    {
        code = code?.Trim() ?? string.Empty;
        name = name?.Trim() ?? string.Empty;
        if (code.Length is 0 or > CodeMaxLength)
        {
            return Common.Error.Invalid("code", Common.ErrorText.Of("error.cases.code-characters", CodeMaxLength));
        }

        if (name.Length is 0 or > NameMaxLength)
        {
            return Common.Error.Invalid("name", Common.ErrorText.Of("error.cases.name-characters", NameMaxLength));
        }

        var prefix = string.IsNullOrWhiteSpace(regionPrefix) ? string.Empty : Regions.RegionCode.Normalise(regionPrefix) ?? string.Empty;
        if (!string.IsNullOrWhiteSpace(regionPrefix) && prefix.Length == 0)
        {
            return Common.Error.Invalid("region", Common.ErrorText.Of("error.testing.not-region-code", regionPrefix));
        }

        if (minCt is <= 0 or > 45 || consecutiveTests is < 1 or > 5 || intervalHours is < 0 or > 240 || feverFreeDays is < 0 or > 30
            || afterReleaseDays is < 0 or > 30)
        {
            return Common.Error.Invalid("release", Common.ErrorText.Of("error.cases.release-criterion-out-range"));
        }

        return new TreatmentPlan
        {
            Code = code,
            Name = name,
            RegionPrefix = prefix,
            EffectiveFrom = effectiveFrom,
            MinCt = minCt,
            ConsecutiveTests = consecutiveTests,
            IntervalHours = intervalHours,
            FeverFreeDays = feverFreeDays,
            NeedsClinicalImprovement = needsClinicalImprovement,
            AfterRelease = afterRelease,
            AfterReleaseDays = afterReleaseDays,
        };
    }

    /// <summary>The edition in force: the most specific region, then the latest date (then the latest added), as for plan versions.</summary>
    public static TreatmentPlan? InForce(IEnumerable<TreatmentPlan> plans, string regionCode, DateOnly date) =>
        RegionalEdition.InForce(plans, regionCode, date);
}
