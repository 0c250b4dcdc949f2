using Fangkong.Common;

namespace Fangkong.Quarantine;

/// <summary>A bed of a shelter hospital (in a care unit of 20) or of a designated hospital (in a ward).</summary>
public sealed class HospitalBed : Space
{
    private HospitalBed()
    {
    }

    protected override string What => "床位 bed";

    public static Result<HospitalBed> Create(QuarantineSite site, SiteSection section, string number, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(section);
        if (site.Kind.HasRooms() || section.SiteId != site.Id || section.Kind == SectionKind.Floor)
        {
            return Error.Invalid("site", ErrorText.Of("error.quarantine.beds-belong-care-unit-ward", site.Name, site.Kind));
        }

        if (CheckNumber(number) is { } error)
        {
            return error;
        }

        var bed = new HospitalBed
        {
            SiteId = site.Id,
            SectionId = section.Id,
            RegionCode = site.RegionCode,
            Number = number.Trim(),
            Capacity = 1,
        };
        bed.Initialise(at);
        return bed;
    }
}
