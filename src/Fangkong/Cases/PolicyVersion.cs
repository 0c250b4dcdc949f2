using System.Globalization;
using Fangkong.Common;

namespace Fangkong.Cases;

/// <summary>Where a quarantine is spent.</summary>
public enum QuarantinePlace
{
    Central,
    Home,
}

/// <summary>
/// One version of the prevention-and-control plan (防控方案) as data: look-back window,
/// quarantine of close and secondary contacts, the release criterion of cases and the
/// investigation deadline. A version applies to a region prefix ("" = the whole country) from
/// a date; adding one never removes the old ones, and decisions keep the id of the version
/// they were made under.
/// </summary>
public sealed class PolicyVersion : IRegionalEdition
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;
    public const int DaysMaxLength = 40;

    private PolicyVersion()
    {
        Code = string.Empty;
        Name = string.Empty;
        RegionPrefix = string.Empty;
        CloseCentralTestDays = string.Empty;
        CloseHomeTestDays = string.Empty;
        SecondaryCentralTestDays = string.Empty;
        SecondaryHomeTestDays = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>A short unique code, e.g. <c>national-9</c>.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    /// <summary>The region prefix it applies to; empty for the whole country.</summary>
    public string RegionPrefix { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }

    /// <summary>Close contacts are sought from this many days before onset (case) or sampling (asymptomatic).</summary>
    public int LookBackDays { get; private set; }

    public int CloseCentralDays { get; private set; }

    public int CloseHomeDays { get; private set; }

    /// <summary>Test days of the central phase, counted from its first day: "1,4,7,14".</summary>
    public string CloseCentralTestDays { get; private set; }

    /// <summary>Test days of the home phase, counted from its first day: "3".</summary>
    public string CloseHomeTestDays { get; private set; }

    public int SecondaryCentralDays { get; private set; }

    public int SecondaryHomeDays { get; private set; }

    public string SecondaryCentralTestDays { get; private set; }

    public string SecondaryHomeTestDays { get; private set; }

    /// <summary>Both the N and the ORF gene must have at least this Ct value.</summary>
    public double ReleaseMinCt { get; private set; }

    /// <summary>On this many consecutive tests.</summary>
    public int ReleaseConsecutiveTests { get; private set; }

    /// <summary>At least this many hours apart.</summary>
    public int ReleaseIntervalHours { get; private set; }

    /// <summary>Then this many days of home health monitoring.</summary>
    public int ReleaseHomeMonitoringDays { get; private set; }

    public int InvestigationDeadlineHours { get; private set; }

    /// <summary>How areas are graded under this version: sealed/controlled/precaution (2021) or high/medium/low risk (9th edition).</summary>
    public AreaScheme AreaScheme { get; private set; }

    /// <summary>The largest pool advised in a sealed or high-risk area (rule 7).</summary>
    public int PoolSizeSealed { get; private set; } = AreaPoolSizes.Default.Sealed;

    /// <summary>The largest pool advised in a controlled or medium-risk area.</summary>
    public int PoolSizeControlled { get; private set; } = AreaPoolSizes.Default.Controlled;

    /// <summary>The largest pool advised elsewhere.</summary>
    public int PoolSizeElsewhere { get; private set; } = AreaPoolSizes.Default.Elsewhere;

    /// <summary>True when both area schemes may be designated at once (Jilin 2022: 三区 and the risk list, rule 6).</summary>
    public bool BothAreaSchemes { get; private set; }

    /// <summary>双采双检 of a close contact's last central test before its release (rule 4).</summary>
    public bool ReleaseDualSampling { get; private set; }

    /// <summary>A secondary contact may be released once this many of its close contact's first tests are negative; 0 = not early (rule 4).</summary>
    public int SecondaryEarlyReleaseTests { get; private set; }

    /// <summary>The contact release rules of this version.</summary>
    public ContactReleaseRules ContactRelease() => new(ReleaseDualSampling, SecondaryEarlyReleaseTests);

    /// <summary>The area schemes that may be designated under this version: its own, and the other too when both are allowed.</summary>
    public IReadOnlyList<AreaScheme> AreaSchemes() =>
        BothAreaSchemes ? [AreaScheme, AreaScheme == AreaScheme.SealedControlled ? AreaScheme.RiskLevels : AreaScheme.SealedControlled] : [AreaScheme];

    /// <summary>The pool sizes advised by area designation under this version.</summary>
    public AreaPoolSizes PoolSizesByArea() => new(PoolSizeSealed, PoolSizeControlled, PoolSizeElsewhere);

    /// <summary>The shape of a new version, as an administrator gives it.</summary>
    public sealed record Terms(
        int LookBackDays,
        QuarantineTerms Close,
        QuarantineTerms Secondary,
        double ReleaseMinCt,
        int ReleaseConsecutiveTests,
        int ReleaseIntervalHours,
        int ReleaseHomeMonitoringDays,
        int InvestigationDeadlineHours);

    /// <summary>The terms added for issue 15's rules 4 and 6: contact release rules, and both area schemes at once.</summary>
    public sealed record ExtraTerms(ContactReleaseRules ContactRelease, bool BothAreaSchemes)
    {
        public static ExtraTerms None { get; } = new(ContactReleaseRules.None, false);
    }

    /// <summary>Central days and home days, with the test days of each phase.</summary>
    public sealed record QuarantineTerms(int CentralDays, int HomeDays, IReadOnlyList<int> CentralTestDays, IReadOnlyList<int> HomeTestDays);

    /// <summary>Validates and creates a version; every refusal names its field.</summary>
    /// <param name="areaScheme">The area scheme; the 2021 sealed/controlled/precaution scheme unless given.</param>
    /// <param name="poolSizes">The pool sizes advised by area designation; <see cref="AreaPoolSizes.Default"/> unless given.</param>
    /// <param name="extra">The contact release rules and whether both area schemes are allowed; none unless given.</param>
    public static Common.Result<PolicyVersion> Create(
        string code, string name, string regionPrefix, DateOnly effectiveFrom, Terms terms, AreaScheme areaScheme = AreaScheme.SealedControlled, AreaPoolSizes? poolSizes = null,
        ExtraTerms? extra = null)
    {
        poolSizes ??= AreaPoolSizes.Default;
        extra ??= ExtraTerms.None;
        ArgumentNullException.ThrowIfNull(terms);
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

        var prefix = string.Empty;
        if (!string.IsNullOrWhiteSpace(regionPrefix))
        {
            prefix = Regions.RegionCode.Normalise(regionPrefix) ?? string.Empty;
            if (prefix.Length == 0)
            {
                return Common.Error.Invalid("region", Common.ErrorText.Of("error.testing.not-region-code", regionPrefix));
            }
        }

        if (terms.LookBackDays is < 0 or > 30 || terms.InvestigationDeadlineHours is < 1 or > 240)
        {
            return Common.Error.Invalid("lookBackDays", Common.ErrorText.Of("error.cases.look-back-days-lie-investigation"));
        }

        if ((Check(terms.Close, "close") ?? Check(terms.Secondary, "secondary")) is { } error)
        {
            return error;
        }

        if (terms.ReleaseMinCt is <= 0 or > 45 || terms.ReleaseConsecutiveTests is < 1 or > 5 || terms.ReleaseIntervalHours is < 0 or > 240
            || terms.ReleaseHomeMonitoringDays is < 0 or > 30)
        {
            return Common.Error.Invalid("release", Common.ErrorText.Of("error.cases.release-criterion-out-range"));
        }

        if (poolSizes.Check() is { } badPools)
        {
            return badPools;
        }

        if (!Enum.IsDefined(areaScheme))
        {
            return Common.Error.Invalid("areaScheme", Common.ErrorText.Of("error.rules15.area-scheme-unknown", areaScheme));
        }

        if (extra.ContactRelease.Check() is { } badRelease)
        {
            return badRelease;
        }

        if (extra.ContactRelease.SecondaryEarlyReleaseTests > 0 && terms.Close.CentralTestDays.Count + terms.Close.HomeTestDays.Count < extra.ContactRelease.SecondaryEarlyReleaseTests)
        {
            return Common.Error.Invalid("secondaryEarlyReleaseTests", Common.ErrorText.Of("error.rules15.early-release-more-than-tests", extra.ContactRelease.SecondaryEarlyReleaseTests));
        }

        return new PolicyVersion
        {
            Code = code,
            Name = name,
            RegionPrefix = prefix,
            EffectiveFrom = effectiveFrom,
            LookBackDays = terms.LookBackDays,
            CloseCentralDays = terms.Close.CentralDays,
            CloseHomeDays = terms.Close.HomeDays,
            CloseCentralTestDays = FormatDays(terms.Close.CentralTestDays),
            CloseHomeTestDays = FormatDays(terms.Close.HomeTestDays),
            SecondaryCentralDays = terms.Secondary.CentralDays,
            SecondaryHomeDays = terms.Secondary.HomeDays,
            SecondaryCentralTestDays = FormatDays(terms.Secondary.CentralTestDays),
            SecondaryHomeTestDays = FormatDays(terms.Secondary.HomeTestDays),
            ReleaseMinCt = terms.ReleaseMinCt,
            ReleaseConsecutiveTests = terms.ReleaseConsecutiveTests,
            ReleaseIntervalHours = terms.ReleaseIntervalHours,
            ReleaseHomeMonitoringDays = terms.ReleaseHomeMonitoringDays,
            InvestigationDeadlineHours = terms.InvestigationDeadlineHours,
            AreaScheme = areaScheme,
            PoolSizeSealed = poolSizes.Sealed,
            PoolSizeControlled = poolSizes.Controlled,
            PoolSizeElsewhere = poolSizes.Elsewhere,
            BothAreaSchemes = extra.BothAreaSchemes,
            ReleaseDualSampling = extra.ContactRelease.DualSampling,
            SecondaryEarlyReleaseTests = extra.ContactRelease.SecondaryEarlyReleaseTests,
        };
    }

    /// <summary>This version's terms, e.g. as the start of a new version.</summary>
    public Terms ToTerms() => new(
        LookBackDays,
        new QuarantineTerms(CloseCentralDays, CloseHomeDays, ParseDays(CloseCentralTestDays) ?? [], ParseDays(CloseHomeTestDays) ?? []),
        new QuarantineTerms(SecondaryCentralDays, SecondaryHomeDays, ParseDays(SecondaryCentralTestDays) ?? [], ParseDays(SecondaryHomeTestDays) ?? []),
        ReleaseMinCt,
        ReleaseConsecutiveTests,
        ReleaseIntervalHours,
        ReleaseHomeMonitoringDays,
        InvestigationDeadlineHours);

    /// <summary>The quarantine a contact of <paramref name="kind"/> is given under this version.</summary>
    public QuarantineOrder OrderFor(ContactKind kind) => kind == ContactKind.Close
        ? new QuarantineOrder(Id, CloseCentralDays > 0 ? QuarantinePlace.Central : QuarantinePlace.Home, CloseCentralDays, CloseHomeDays, CloseCentralTestDays, CloseHomeTestDays)
        : new QuarantineOrder(Id, SecondaryCentralDays > 0 ? QuarantinePlace.Central : QuarantinePlace.Home, SecondaryCentralDays, SecondaryHomeDays, SecondaryCentralTestDays, SecondaryHomeTestDays);

    /// <summary>"1,4,7,14" from [1, 4, 7, 14].</summary>
    public static string FormatDays(IEnumerable<int> days) => string.Join(',', days.Select(d => d.ToString(CultureInfo.InvariantCulture)));

    /// <summary>[1, 4, 7, 14] from "1,4,7,14"; null when a part is not a day number.</summary>
    public static IReadOnlyList<int>? ParseDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 60)
            {
                return null;
            }

            days.Add(day);
        }

        return days;
    }

    private static Common.Error? Check(QuarantineTerms terms, string field)
    {
        if (terms.CentralDays is < 0 or > 60 || terms.HomeDays is < 0 or > 60 || terms.CentralDays + terms.HomeDays == 0)
        {
            return Common.Error.Invalid(field, Common.ErrorText.Of("error.cases.quarantine-days-lie-not-both", field));
        }

        if (terms.CentralTestDays.Any(d => d < 1 || d > terms.CentralDays) || terms.HomeTestDays.Any(d => d < 1 || d > terms.HomeDays))
        {
            return Common.Error.Invalid(field, Common.ErrorText.Of("error.cases.test-days-fall-within-quarantine", field));
        }

        var joined = FormatDays(terms.CentralTestDays).Length + FormatDays(terms.HomeTestDays).Length;
        return joined > DaysMaxLength
            ? Common.Error.Invalid(field, Common.ErrorText.Of("error.cases.too-many-test-days", field))
            : null;
    }
}

/// <summary>A contact's quarantine as a policy version gives it: where first, how long in each place, which test days.</summary>
public sealed record QuarantineOrder(long PolicyVersionId, QuarantinePlace Place, int CentralDays, int HomeDays, string CentralTestDays, string HomeTestDays)
{
    public int TotalDays => CentralDays + HomeDays;
}
