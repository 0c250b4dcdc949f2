using Fangkong.Access;

namespace Fangkong.Accountability;

/// <summary>
/// An official named in an accountability case: name, unit, post and region as a notice names
/// them (no identity number: a notice never prints one and the case does not need one), the kind
/// of responsibility, an optional sentence on the unit's failure, and the measures decided.
/// Carries the case's region so that the jurisdiction filter applies to it too.
/// </summary>
public sealed class AccountableOfficial : IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int UnitMaxLength = 100;
    public const int PostMaxLength = 100;
    public const int NoteMaxLength = 200;
    public const int QualifierMaxLength = 50;
    public const int MeasuresMaxLength = 400;

    private AccountableOfficial()
    {
        RegionCode = string.Empty;
        Name = string.Empty;
        Unit = string.Empty;
        Post = string.Empty;
        Measures = string.Empty;
    }

    public AccountableOfficial(
        string name, string unit, string post, string? officialRegion, ResponsibilityKind responsibility, string? responsibilityNote,
        IEnumerable<SanctionMeasure> measures, string? qualifier = null, bool stateResponsibility = true)
    {
        RegionCode = string.Empty;
        Name = name;
        Unit = unit;
        Post = post;
        OfficialRegion = officialRegion;
        Responsibility = responsibility;
        ResponsibilityNote = responsibilityNote;
        Measures = string.Join(' ', SanctionCatalogue.Ordered(measures));
        Qualifier = qualifier;
        StateResponsibility = stateResponsibility;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    /// <summary>The case's region (jurisdiction).</summary>
    public string RegionCode { get; private set; }

    /// <summary>1, 2, … in the order the notice names them.</summary>
    public int Position { get; private set; }

    public string Name { get; private set; }

    public string Unit { get; private set; }

    public string Post { get; private set; }

    /// <summary>The region the official works in, when known.</summary>
    public string? OfficialRegion { get; private set; }

    public ResponsibilityKind Responsibility { get; private set; }

    /// <summary>The unit's failure the notice states first: "市卫生健康委员会落实监管责任不力".</summary>
    public string? ResponsibilityNote { get; private set; }

    /// <summary>
    /// What the person was acting as, printed between the name and "负有": "作为院长" gives
    /// "鲍怀东作为院长负有领导责任"; "作为带队领导，" (comma typed) gives "郭力玮作为带队领导，负有领导责任".
    /// </summary>
    public string? Qualifier { get; private set; }

    /// <summary>
    /// Whether the notice states the responsibility ("…负有领导责任"). Seed 000 states it for the
    /// leaders and not for the person whose own conduct the facts tell (梅傲霜, 王立波, 侯金龙), whose
    /// direct responsibility the facts already say: the record keeps it, the notice leaves it out.
    /// </summary>
    public bool StateResponsibility { get; private set; } = true;

    /// <summary>The measures' names, space-separated, in catalogue order.</summary>
    public string Measures { get; private set; }

    public IReadOnlyList<SanctionMeasure> MeasureList =>
        [.. Measures.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<SanctionMeasure>)];

    internal void Place(AccountabilityCase owner, int position)
    {
        RegionCode = owner.RegionCode;
        Position = position;
    }
}
