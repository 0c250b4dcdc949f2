using Fangkong.Access;

namespace Fangkong.Places;

/// <summary>A key place (场所) in a region.</summary>
public sealed class Place : IRegionScoped
{
    public const int NameMaxLength = 100;
    public const int AddressMaxLength = 200;

    private Place()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public Place(string name, PlaceKind kind, string regionCode, string? address = null, bool isSupplyGuarantee = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (isSupplyGuarantee && kind is not (PlaceKind.Enterprise or PlaceKind.Market or PlaceKind.Supermarket))
        {
            throw new ArgumentException("Only enterprises, markets and supermarkets can be supply-guarantee places.", nameof(isSupplyGuarantee));
        }

        Name = name.Trim();
        Kind = kind;
        RegionCode = regionCode;
        Address = address;
        IsSupplyGuarantee = isSupplyGuarantee;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public PlaceKind Kind { get; private set; }

    public string RegionCode { get; private set; }

    public string? Address { get; private set; }

    /// <summary>保供企业: a supply-guarantee enterprise whose staff may work in a closed loop.</summary>
    public bool IsSupplyGuarantee { get; private set; }
}
