using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine;

/// <summary>
/// A floor of a quarantine site, a care unit (一个护理单元, 20 beds) of a shelter hospital, or a
/// ward of a designated hospital. Floors matter to allocation: close contacts, secondary contacts
/// and pool members are kept on separate floors.
/// </summary>
public sealed class SiteSection : IRegionScoped
{
    public const int NameMaxLength = 50;

    /// <summary>One care unit per 20 beds in a shelter hospital (DOMAIN.md §5).</summary>
    public const int CareUnitBeds = 20;

    private SiteSection()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public long Id { get; private set; }

    public long SiteId { get; private set; }

    /// <summary>The site's region (copied so that the jurisdiction filter needs no join).</summary>
    public string RegionCode { get; private set; }

    public SectionKind Kind { get; private set; }

    /// <summary>Floor number, care-unit or ward number, used for ordering.</summary>
    public int Number { get; private set; }

    public string Name { get; private set; }

    public static Result<SiteSection> Create(QuarantineSite site, int number, string? name)
    {
        ArgumentNullException.ThrowIfNull(site);
        var text = string.IsNullOrWhiteSpace(name) ? DefaultName(site.Kind.SectionKindOf(), number) : name.Trim();
        if (text.Length > NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.quarantine.section-name-most-characters", NameMaxLength));
        }

        return new SiteSection { SiteId = site.Id, RegionCode = site.RegionCode, Kind = site.Kind.SectionKindOf(), Number = number, Name = text };
    }

    private static string DefaultName(SectionKind kind, int number) => kind switch
    {
        SectionKind.CareUnit => $"{number}单元",
        SectionKind.Ward => $"{number}病区",
        _ => $"{number}层",
    };
}
