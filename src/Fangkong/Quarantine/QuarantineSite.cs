using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine;

/// <summary>
/// A quarantine site (集中隔离点: hotel or other building) or a hospital (方舱医院, 定点医院), in a
/// county (its region code, six digits; the city is its four-digit prefix), with its address and
/// position (WGS-84 degrees, for the distance from a person's home), staff and contact phone.
/// </summary>
public sealed class QuarantineSite : IRegionScoped
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 200;
    public const int ContactMaxLength = 50;
    public const int PhoneMaxLength = 20;

    private QuarantineSite()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
        Address = string.Empty;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public SiteKind Kind { get; private set; }

    /// <summary>The county (or a region below it) the site is in.</summary>
    public string RegionCode { get; private set; }

    public string Address { get; private set; }

    public double Latitude { get; private set; }

    public double Longitude { get; private set; }

    /// <summary>Number of staff on site.</summary>
    public int Staff { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>False for a site closed to new placements (stood down or not yet open).</summary>
    public bool IsOpen { get; private set; }

    public string CityCode => RegionCode.Length >= 4 ? RegionCode[..4] : RegionCode;

    public sealed record Details(
        string Name, SiteKind Kind, string RegionCode, string Address, double Latitude, double Longitude, int Staff, string? ContactName, string? ContactPhone);

    public static Result<QuarantineSite> Create(Details details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var site = new QuarantineSite { IsOpen = true };
        return site.Change(details) is { } error ? error : site;
    }

    /// <summary>Changes the site's details; the kind cannot change once it has rooms or beds (the caller checks).</summary>
    public Error? Change(Details details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var name = details.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.quarantine.name-characters-2", NameMaxLength));
        }

        if (details.RegionCode is not { Length: >= 6 } region || !Regions.RegionCode.TryParse(region, out _))
        {
            return Error.Invalid("region_code", ErrorText.Of("error.quarantine.region-code-county-region-below"));
        }

        if ((details.Address?.Trim().Length ?? 0) is 0 or > AddressMaxLength)
        {
            return Error.Invalid("address", ErrorText.Of("error.quarantine.address-characters", AddressMaxLength));
        }

        if (!GeoPoint.IsValid(details.Latitude, details.Longitude))
        {
            return Error.Invalid("latitude", ErrorText.Of("error.quarantine.latitude-within-longitude-within"));
        }

        if (details.Staff < 0)
        {
            return Error.Invalid("staff", ErrorText.Of("error.quarantine.staff-cannot-negative"));
        }

        if ((details.ContactName?.Trim().Length ?? 0) > ContactMaxLength || (details.ContactPhone?.Trim().Length ?? 0) > PhoneMaxLength)
        {
            return Error.Invalid("contact_phone", ErrorText.Of("error.quarantine.contact-name-most-phone-most", ContactMaxLength, PhoneMaxLength));
        }

        Name = name;
        Kind = details.Kind;
        RegionCode = region;
        Address = details.Address!.Trim();
        Latitude = details.Latitude;
        Longitude = details.Longitude;
        Staff = details.Staff;
        ContactName = string.IsNullOrWhiteSpace(details.ContactName) ? null : details.ContactName.Trim();
        ContactPhone = string.IsNullOrWhiteSpace(details.ContactPhone) ? null : details.ContactPhone.Trim();
        return null;
    }

    public void Open() => IsOpen = true;

    public void Close() => IsOpen = false;
}
