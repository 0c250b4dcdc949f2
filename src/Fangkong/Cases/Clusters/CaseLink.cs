using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Places;

namespace Fangkong.Cases.Clusters;

/// <summary>What a case is linked to: a key place or a household.</summary>
public enum LinkTarget
{
    Place,
    Household,
}

/// <summary>How a link was learnt.</summary>
public enum LinkSource
{
    /// <summary>From the epidemiological investigation (流调), recorded by hand.</summary>
    Investigation,

    /// <summary>The case works at the place.</summary>
    Workplace,

    /// <summary>The case lives in the household (derived from the person register).</summary>
    Residence,

    /// <summary>From an imported file.</summary>
    Import,

    /// <summary>From a stop of the investigation's itinerary at a key place (<see cref="LinkItineraryPlaces"/>).</summary>
    Itinerary,
}

/// <summary>
/// A case was at a key place, or belongs to a household, on a date. Links are the only input of
/// cluster detection; they are kept in their own table so that the investigation module can feed
/// them from itineraries later without either module knowing the other's records.
/// </summary>
public sealed class CaseLink : IRegionScoped
{
    public const int TargetKeyMaxLength = 64;

    private CaseLink()
    {
        RegionCode = string.Empty;
        TargetKey = string.Empty;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public LinkTarget Target { get; private set; }

    public long? PlaceId { get; private set; }

    public string? HouseholdNo { get; private set; }

    /// <summary>The place's region, or the household's: the link's jurisdiction.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The date of exposure or presence.</summary>
    public DateOnly On { get; private set; }

    public LinkSource Source { get; private set; }

    /// <summary>"P:{place id}" or "H:{region}:{household number}": links with the same key meet at the same target.</summary>
    public string TargetKey { get; private set; }

    public static string PlaceKey(long placeId) => FormattableString.Invariant($"P:{placeId}");

    public static string HouseholdKey(string regionCode, string householdNo) => $"H:{regionCode}:{householdNo}";

    public static CaseLink ToPlace(long caseId, Place place, DateOnly on, LinkSource source)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new CaseLink
        {
            CaseId = caseId,
            Target = LinkTarget.Place,
            PlaceId = place.Id,
            RegionCode = place.RegionCode,
            On = on,
            Source = source,
            TargetKey = PlaceKey(place.Id),
        };
    }

    public static Result<CaseLink> ToHousehold(long caseId, string regionCode, string householdNo, DateOnly on, LinkSource source)
    {
        var number = householdNo?.Trim() ?? string.Empty;
        if (number.Length is 0 or > Persons.Person.HouseholdNoMaxLength)
        {
            return Error.Invalid("householdNo", ErrorText.Of("error.cases.householdno-characters", Persons.Person.HouseholdNoMaxLength));
        }

        return new CaseLink
        {
            CaseId = caseId,
            Target = LinkTarget.Household,
            HouseholdNo = number,
            RegionCode = regionCode,
            On = on,
            Source = source,
            TargetKey = HouseholdKey(regionCode, number),
        };
    }
}
