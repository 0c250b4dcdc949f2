using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>
/// The townships and communities/villages within a jurisdiction, read once for an import so that
/// checking a million rows' regions costs no query each (Jilin has about 12,800 such codes).
/// </summary>
public sealed class KnownRegions
{
    private readonly HashSet<string> _codes;

    private KnownRegions(HashSet<string> codes) => _codes = codes;

    public int Count => _codes.Count;

    public static async Task<KnownRegions> LoadAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        var prefix = db.Jurisdiction.RegionPrefix;
        var codes = await db.Regions.AsNoTracking()
            .Where(r => (r.Level == RegionLevel.Township || r.Level == RegionLevel.Community) && r.Code.StartsWith(prefix))
            .Select(r => r.Code)
            .ToListAsync(ct);
        return new KnownRegions(new HashSet<string>(codes, StringComparer.Ordinal));
    }

    public bool Contains(string code) => _codes.Contains(code);
}
