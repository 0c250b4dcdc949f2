using Fangkong.Access;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// A place-code scan (场所码扫码): who was at which key place when. The person may not be in
/// the register (visitors scan too), so the identity number is kept and the person id is
/// optional. The region is the place's, so the county of the place sees its scans.
/// </summary>
public sealed class CheckIn : IRegionScoped
{
    private CheckIn()
    {
        IdNumber = string.Empty;
        RegionCode = string.Empty;
    }

    public CheckIn(long? personId, string idNumber, long placeId, string placeRegionCode, DateTimeOffset checkedInAt)
    {
        PersonId = personId;
        IdNumber = idNumber;
        PlaceId = placeId;
        RegionCode = placeRegionCode;
        CheckedInAt = checkedInAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long? PersonId { get; private set; }

    public string IdNumber { get; private set; }

    public long PlaceId { get; private set; }

    /// <summary>The region of the place.</summary>
    public string RegionCode { get; private set; }

    public DateTimeOffset CheckedInAt { get; private set; }
}
