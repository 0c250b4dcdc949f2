using Fangkong.Common;

namespace Fangkong.Testing;

/// <summary>
/// The Ct cut-offs by which a lab's result is read, as versioned data (issue 15, rule 5; migration
/// 0162): a target is detected below <see cref="NegativeFromCt"/>; a "positive" counts as positive
/// only with both targets below <see cref="PositiveBelowCt"/>, and between the two it is
/// indeterminate (<see cref="ResultInterpretation"/>). Chosen like a plan version: the most specific
/// region prefix, then the latest date in force.
/// </summary>
public sealed class LabCutOff : IRegionalEdition
{
    public const int CodeMaxLength = 32;
    public const int NameMaxLength = 100;

    private LabCutOff()
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

    public double PositiveBelowCt { get; private set; }

    public double NegativeFromCt { get; private set; }

    /// <summary>Validates and creates cut-offs; a refusal names its field.</summary>
    public static Common.Result<LabCutOff> Create(string code, string name, string? regionPrefix, DateOnly effectiveFrom, double positiveBelowCt, double negativeFromCt)
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

        if (positiveBelowCt is <= 0 or > 45 || negativeFromCt is <= 0 or > 45 || positiveBelowCt > negativeFromCt)
        {
            return Common.Error.Invalid("positiveBelowCt", Common.ErrorText.Of("error.rules2022.cut-offs-out-of-range"));
        }

        return new LabCutOff
        {
            Code = code,
            Name = name,
            RegionPrefix = Regions.RegionCode.Normalise(regionPrefix ?? string.Empty) ?? string.Empty,
            EffectiveFrom = effectiveFrom,
            PositiveBelowCt = positiveBelowCt,
            NegativeFromCt = negativeFromCt,
        };
    }

    /// <summary>The cut-offs in force for <paramref name="regionCode"/> on <paramref name="date"/>, or null.</summary>
    public static LabCutOff? InForce(IEnumerable<LabCutOff> cutOffs, string regionCode, DateOnly date) =>
        RegionalEdition.InForce(cutOffs, regionCode, date);
}
