using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>Where a request goes: a community (placed), or its district's queue (not placed).</summary>
public sealed record RequestPlacement(string RegionCode, bool Placed, long? CompoundId);

/// <summary>
/// Places requests (属地): by the compound or community named, else by the names of a compound or a
/// community found in the address (the longest wins), else in the district's queue. Reads through the
/// caller's jurisdiction and keeps each district's names for the next request (an import places
/// thousands).
/// </summary>
public sealed class RequestPlacer(FangkongDbContext db)
{
    private readonly Dictionary<string, Names> _districts = new(StringComparer.Ordinal);

    private sealed record Names(Dictionary<string, (string Region, long? Compound)> ByName, int Shortest, int Longest);

    internal async Task<Result<RequestPlacement>> PlaceAsync(RequestDraft.Checked d, CancellationToken ct)
    {
        if (d.CompoundId is { } compoundId)
        {
            var compound = await db.Compounds.AsNoTracking().Where(c => c.Id == compoundId).Select(c => new { c.Id, c.RegionCode }).FirstOrDefaultAsync(ct);
            return compound is null
                ? Error.Invalid("compoundId", ErrorText.Of("error.livelihood.request-compound-unknown", compoundId))
                : new RequestPlacement(compound.RegionCode, true, compound.Id);
        }

        if (d.RegionCode is { } community)
        {
            return await db.Regions.AsNoTracking().AnyAsync(r => r.Code == community, ct)
                ? new RequestPlacement(community, true, null)
                : Error.Invalid("regionCode", ErrorText.Of("error.livelihood.request-community-code", community));
        }

        var district = d.District ?? CallersDistrict();
        if (district is null)
        {
            return Error.Invalid("district", ErrorText.Of("error.livelihood.request-district-needed"));
        }

        var names = await NamesAsync(district, ct);
        if (names is null)
        {
            return Error.Invalid("district", ErrorText.Of("error.livelihood.request-district-code", district));
        }

        return Match(names, d.Address) is { } found
            ? new RequestPlacement(found.Region, true, found.Compound)
            : new RequestPlacement(district, false, null);
    }

    /// <summary>A caller of a district or below has a district of their own; a city's caller names one.</summary>
    private string? CallersDistrict() => db.Jurisdiction.RegionPrefix.Length >= 6 ? db.Jurisdiction.RegionPrefix[..6] : null;

    private static (string Region, long? Compound)? Match(Names names, string address)
    {
        for (var length = Math.Min(names.Longest, address.Length); length >= names.Shortest; length--)
        {
            for (var start = 0; start + length <= address.Length; start++)
            {
                if (names.ByName.TryGetValue(address.Substring(start, length), out var found))
                {
                    return found;
                }
            }
        }

        return null;
    }

    private async Task<Names?> NamesAsync(string district, CancellationToken ct)
    {
        if (_districts.TryGetValue(district, out var cached))
        {
            return cached;
        }

        if (!await db.Regions.AsNoTracking().AnyAsync(r => r.Code == district, ct))
        {
            return null;
        }

        var byName = new Dictionary<string, (string Region, long? Compound)>(StringComparer.Ordinal);
        var communities = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(district) && r.Level == RegionLevel.Community)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        foreach (var c in communities.Where(c => c.Name.Length >= 2))
        {
            byName.TryAdd(c.Name, (c.Code, null));
        }

        // A compound's name says more than its community's: it wins a tie of names.
        var compounds = await db.Compounds.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(district))
            .Select(c => new { c.Id, c.RegionCode, c.Name }).ToListAsync(ct);
        foreach (var c in compounds.Where(c => c.Name.Length >= 2))
        {
            byName[c.Name] = (c.RegionCode, c.Id);
        }

        var names = byName.Count == 0
            ? new Names(byName, int.MaxValue, 0)
            : new Names(byName, byName.Keys.Min(k => k.Length), byName.Keys.Max(k => k.Length));
        _districts[district] = names;
        return names;
    }
}
