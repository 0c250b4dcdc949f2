using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Places;

/// <summary>
/// Registers a place (场所) by its name, kind and region, as an investigator does when a stop of an
/// itinerary is a place nobody has registered yet (issue 16, item 3). The region must be loaded and
/// in the caller's jurisdiction; the same name twice in one region is refused.
/// </summary>
public static class RegisterPlace
{
    public sealed record Command(string? Name, string? Kind, string? RegionCode, string? Address);

    public sealed record Registered(long Id, string Name, PlaceKind Kind, string RegionCode);

    public static async Task<Result<Registered>> HandleAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var name = command.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > Place.NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.places.name-needed", Place.NameMaxLength));
        }

        if (!EnumText.TryParse<PlaceKind>(command.Kind, out var kind))
        {
            return Error.Invalid("kind", ErrorText.Of("error.places.kind-needed", command.Kind));
        }

        var address = string.IsNullOrWhiteSpace(command.Address) ? null : command.Address.Trim();
        if (address is { Length: > Place.AddressMaxLength })
        {
            return Error.Invalid("address", ErrorText.Of("error.places.address-too-long", Place.AddressMaxLength));
        }

        var region = RegionCode.Normalise(command.RegionCode);
        if (region is null || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return Error.Invalid("regionCode", ErrorText.Of("error.testing.not-region-code", command.RegionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        if (await db.Places.AnyAsync(p => p.RegionCode == region && p.Name == name, ct))
        {
            return Error.Conflict(ErrorText.Of("error.places.already-registered", name));
        }

        var place = new Place(name, kind, region, address);
        db.Places.Add(place);
        await db.SaveChangesAsync(ct);
        return new Registered(place.Id, place.Name, place.Kind, place.RegionCode);
    }
}
