using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Regions;

/// <summary>
/// The region browser: a region, its ancestors (breadcrumb) and its children, each with the
/// number of registered residents. Counts come from the maintained <see cref="Populations"/>
/// (jurisdiction-filtered, so a user only ever counts people they may see), never from counting
/// a subtree's persons per request.
/// </summary>
public static class BrowseRegions
{
    public sealed record RegionRow(string Code, string Name, RegionLevel Level, long Population);

    public sealed record View(RegionRow? Current, IReadOnlyList<RegionRow> Ancestors, IReadOnlyList<RegionRow> Children);

    /// <param name="code">The region to open; null opens the caller's jurisdiction root (or the provinces).</param>
    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, string? code, CancellationToken ct = default)
    {
        var root = db.Jurisdiction.RegionPrefix;
        string? normalised = null;
        if (!string.IsNullOrWhiteSpace(code))
        {
            normalised = RegionCode.Normalise(code);
            if (normalised is null)
            {
                return Error.Invalid("code", ErrorText.Of("error.regions.not-region-code-digits", code));
            }
        }

        normalised ??= root.Length > 0 ? root : null;
        if (normalised is not null && !db.Jurisdiction.Covers(normalised))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", normalised));
        }

        Region? current = null;
        if (normalised is not null)
        {
            current = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == normalised, ct);
            if (current is null)
            {
                return Error.NotFound(ErrorText.Of("error.testing.region-not-registry", normalised));
            }
        }

        var children = await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == normalised)
            .OrderBy(r => r.Code)
            .ToListAsync(ct);

        var counts = await PopulationByChildAsync(db, normalised, children, ct);
        var ancestors = new List<RegionRow>();
        if (current is not null)
        {
            var codes = Ancestors(current.Code).Where(c => c.Length >= root.Length).ToList();
            var rows = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).OrderBy(r => r.Code).ToListAsync(ct);
            ancestors.AddRange(rows.Select(r => new RegionRow(r.Code, r.Name, r.Level, 0)));
        }

        // Counted directly, not as the sum of the children: a community has none, and people
        // may be registered at the region itself rather than in one of its subdivisions.
        var currentRow = current is null
            ? null
            : new RegionRow(current.Code, current.Name, current.Level, await Populations.InSubtreeAsync(db, current.Code, ct));
        return new View(
            currentRow,
            ancestors,
            children.Select(c => new RegionRow(c.Code, c.Name, c.Level, counts.GetValueOrDefault(c.Code))).ToList());
    }

    private static IEnumerable<string> Ancestors(string code)
    {
        for (var parent = RegionCode.Parse(code).Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent.Value;
        }
    }

    private static async Task<Dictionary<string, long>> PopulationByChildAsync(
        FangkongDbContext db, string? parent, IReadOnlyCollection<Region> children, CancellationToken ct)
    {
        if (children.Count == 0)
        {
            return [];
        }

        // Children of one parent all have the same code length.
        return await Populations.BySubdivisionAsync(db, parent ?? string.Empty, children.First().Code.Length, ct);
    }
}
