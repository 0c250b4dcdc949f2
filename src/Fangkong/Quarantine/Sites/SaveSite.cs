using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Sites;

/// <summary>
/// Registers a site with its layout in one step: <c>Sections</c> floors (care units, wards) of
/// <c>PerSection</c> rooms or beds; for a quarantine site, <c>MultiRooms</c> of them multi-person
/// rooms of <c>MultiCapacity</c> and <c>AccessibleRooms</c> accessible rooms (2), the rest single.
/// A shelter hospital's care unit holds at most 20 beds. Room numbers are floor + sequence ("0312").
/// </summary>
public static class SaveSite
{
    public const int MaxSections = 60;
    public const int MaxPerSection = 500;

    public sealed record Command(
        string? Name, string? Kind, string? RegionCode, string? Address, double? Latitude, double? Longitude, int? Staff, string? ContactName, string? ContactPhone,
        int? Sections, int? PerSection, int? MultiRooms = 0, int? MultiCapacity = 3, int? AccessibleRooms = 0);

    public sealed record Saved(long Id, string Name, SiteKind Kind, int Sections, int Spaces);

    /// <summary>Checks the command; <paramref name="db"/> is asked whether the region exists and is covered.</summary>
    public static async Task<Result<Saved>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (await CheckAsync(db, command, ct) is { } error)
        {
            return error;
        }

        var kind = ParseKind(command.Kind)!.Value;
        var site = QuarantineSite.Create(new QuarantineSite.Details(
            command.Name!, kind, Regions.RegionCode.Normalise(command.RegionCode)!, command.Address!, command.Latitude!.Value, command.Longitude!.Value,
            command.Staff ?? 0, command.ContactName, command.ContactPhone));
        if (!site.IsSuccess)
        {
            return site.Error!;
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.QuarantineSites.Add(site.Value!);
        await db.SaveChangesAsync(ct);
        var spaces = await AddLayoutAsync(db, site.Value!, command, time.GetUtcNow(), ct);
        if (!spaces.IsSuccess)
        {
            return spaces.Error!;
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new Saved(site.Value!.Id, site.Value.Name, kind, command.Sections!.Value, spaces.Value);
    }

    public static SiteKind? ParseKind(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "hotel" or "酒店" or "宾馆" => SiteKind.Hotel,
        "other" or "其他" or "集中隔离点" => SiteKind.Other,
        "shelter" or "shelterhospital" or "方舱" or "方舱医院" => SiteKind.ShelterHospital,
        "designated" or "designatedhospital" or "定点医院" => SiteKind.DesignatedHospital,
        _ => null,
    };

    internal static async Task<Error?> CheckAsync(FangkongDbContext db, Command c, CancellationToken ct)
    {
        if (ParseKind(c.Kind) is not { } kind)
        {
            return Error.Invalid("kind", ErrorText.Of("error.quarantine.not-site-kind-hotel-other", c.Kind));
        }

        var region = Regions.RegionCode.Normalise(c.RegionCode);
        if (region is null || region.Length < 6)
        {
            return Error.Invalid("regionCode", ErrorText.Of("error.quarantine.not-county-lower-region-code", c.RegionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        if (c.Latitude is null || c.Longitude is null)
        {
            return Error.Invalid("latitude", ErrorText.Of("error.quarantine.latitude-longitude-required-allocation-measures"));
        }

        if (c.Sections is not (>= 1 and <= MaxSections) || c.PerSection is not (>= 1 and <= MaxPerSection))
        {
            return Error.Invalid("sections", ErrorText.Of("error.quarantine.sections-spaces-per-section", MaxSections, MaxPerSection));
        }

        if (kind == SiteKind.ShelterHospital && c.PerSection > SiteSection.CareUnitBeds)
        {
            return Error.Invalid("perSection", ErrorText.Of("error.quarantine.shelter-hospital-s-care-unit", SiteSection.CareUnitBeds));
        }

        var special = (c.MultiRooms ?? 0) + (c.AccessibleRooms ?? 0);
        if (c.MultiRooms < 0 || c.AccessibleRooms < 0 || special > c.Sections * c.PerSection || (!kind.HasRooms() && special > 0))
        {
            return Error.Invalid("multiRooms", ErrorText.Of("error.quarantine.multi-person-accessible-rooms-fit"));
        }

        if ((c.MultiRooms ?? 0) > 0 && c.MultiCapacity is not (>= 2 and <= QuarantineRoom.MaxCapacity))
        {
            return Error.Invalid("multiCapacity", ErrorText.Of("error.quarantine.multi-person-room-capacity", QuarantineRoom.MaxCapacity));
        }

        var details = QuarantineSite.Create(new QuarantineSite.Details(
            c.Name ?? string.Empty, kind, region, c.Address ?? string.Empty, c.Latitude.Value, c.Longitude.Value, c.Staff ?? 0, c.ContactName, c.ContactPhone));
        if (!details.IsSuccess)
        {
            return details.Error;
        }

        var name = c.Name?.Trim();
        return await db.QuarantineSites.AnyAsync(s => s.RegionCode == region && s.Name == name, ct)
            ? Error.Conflict(ErrorText.Of("error.quarantine.site-named-exists", region, name))
            : null;
    }

    private static async Task<Result<int>> AddLayoutAsync(FangkongDbContext db, QuarantineSite site, Command c, DateTimeOffset at, CancellationToken ct)
    {
        var sections = Enumerable.Range(1, c.Sections!.Value).Select(n => SiteSection.Create(site, n, null).Value!).ToList();
        db.SiteSections.AddRange(sections);
        await db.SaveChangesAsync(ct);
        var multi = c.MultiRooms ?? 0;
        var accessible = c.AccessibleRooms ?? 0;
        var count = 0;
        foreach (var section in sections)
        {
            for (var n = 1; n <= c.PerSection!.Value; n++)
            {
                var number = $"{section.Number:D2}{n:D2}";
                if (site.Kind.HasRooms())
                {
                    // Accessible rooms on the lowest floors first, multi-person rooms after them.
                    var (kind, capacity) = accessible > 0 ? (RoomKind.Accessible, 2) : multi > 0 ? (RoomKind.Multi, c.MultiCapacity ?? 3) : (RoomKind.Single, 1);
                    accessible -= kind == RoomKind.Accessible ? 1 : 0;
                    multi -= kind == RoomKind.Multi ? 1 : 0;
                    var room = QuarantineRoom.Create(site, section, number, kind, capacity, at);
                    if (!room.IsSuccess)
                    {
                        return room.Error!;
                    }

                    db.QuarantineRooms.Add(room.Value!);
                }
                else
                {
                    db.HospitalBeds.Add(HospitalBed.Create(site, section, number, at).Value!);
                }

                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }
}
