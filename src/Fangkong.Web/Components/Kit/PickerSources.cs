using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Components.Kit;

/// <summary>
/// The choices of the pages' <see cref="NamePicker"/>s, read through the user's jurisdiction (the
/// context's filters), so a picker offers only what the user may choose. Capped: a picker is for
/// finding by name among a jurisdiction's records, not for listing a province.
/// </summary>
public static class PickerSources
{
    public const int MaxOptions = 1000;

    /// <summary>Regions the user sees, "名称 (code)", the shorter codes (higher levels) first.</summary>
    public static async Task<IReadOnlyList<PickerOption>> RegionsAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Regions.AsNoTracking()
            .OrderBy(r => r.Code.Length).ThenBy(r => r.Code)
            .Take(MaxOptions)
            .Select(r => new { r.Code, r.Name })
            .ToListAsync(ct);
        return [.. rows.Select(r => new PickerOption(r.Code, $"{r.Name} ({r.Code})"))];
    }

    /// <summary>Places the user sees, "名称 (id)".</summary>
    public static async Task<IReadOnlyList<PickerOption>> PlacesAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Places.AsNoTracking()
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Take(MaxOptions)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(ct);
        return [.. rows.Select(p => new PickerOption(p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{p.Name} ({p.Id})"))];
    }

    /// <summary>Organisations (units) the user sees, "名称 (id)".</summary>
    public static async Task<IReadOnlyList<PickerOption>> OrganisationsAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Take(MaxOptions)
            .Select(o => new { o.Id, o.Name })
            .ToListAsync(ct);
        return [.. rows.Select(o => new PickerOption(Invariant(o.Id), $"{o.Name} ({o.Id})"))];
    }

    /// <summary>Inspections the user sees, newest plan first, "对象 日期 (id)": the one a review looks back at.</summary>
    public static async Task<IReadOnlyList<PickerOption>> InspectionsAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Inspections.AsNoTracking()
            .OrderByDescending(i => i.PlannedOn).ThenByDescending(i => i.Id)
            .Take(MaxOptions)
            .Select(i => new { i.Id, i.TargetName, i.PlannedOn })
            .ToListAsync(ct);
        return [.. rows.Select(i => new PickerOption(Invariant(i.Id), $"{i.TargetName} {i.PlannedOn:yyyy-MM-dd} ({i.Id})"))];
    }

    /// <summary>How many findings a search offers: a search narrows, it does not list.</summary>
    public const int MaxFindingMatches = 50;

    /// <summary>
    /// Findings the user sees, "标题 (id)", for an accountability case to cite: those whose title
    /// contains <paramref name="search"/> or whose number it is (the newest when there is no search), at
    /// most <see cref="MaxFindingMatches"/>, and always those already cited (<paramref name="cited"/>),
    /// however old: a form must not drop a citation because it fell out of the offered options.
    /// </summary>
    public static async Task<IReadOnlyList<PickerOption>> FindingsAsync(
        FangkongDbContext db, string? search = null, IReadOnlyCollection<long>? cited = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        IQueryable<Supervision.Findings.Finding> matches = db.Findings.AsNoTracking();
        var term = search?.Trim() ?? string.Empty;
        if (term.Length > 0)
        {
            matches = long.TryParse(term, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? matches.Where(f => f.Id == number || f.Title.Contains(term))
                : matches.Where(f => f.Title.Contains(term));
        }

        var rows = await matches.OrderByDescending(f => f.Id).Take(MaxFindingMatches).Select(f => new { f.Id, f.Title }).ToListAsync(ct);
        var keep = (cited ?? []).Except(rows.Select(r => r.Id)).ToList();
        if (keep.Count > 0)
        {
            rows.AddRange(await db.Findings.AsNoTracking().Where(f => keep.Contains(f.Id)).Select(f => new { f.Id, f.Title }).ToListAsync(ct));
        }

        return [.. rows.OrderByDescending(f => f.Id).Select(f => new PickerOption(Invariant(f.Id), $"{f.Title} ({f.Id})"))];
    }

    /// <summary>
    /// Compounds and buildings the user sees, the units an area is designated on: "小区 · 名称 (id)" and
    /// "楼栋 · 小区 楼栋 (id)" (the page gives the two words), so the label says which kind the id is.
    /// </summary>
    public static async Task<IReadOnlyList<PickerOption>> AreaUnitsAsync(FangkongDbContext db, string compound, string building, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var compounds = await db.Compounds.AsNoTracking()
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Take(MaxOptions / 2)
            .Select(c => new { c.Id, c.Name })
            .ToListAsync(ct);
        var buildings = await db.Buildings.AsNoTracking()
            .Join(db.Compounds, b => b.CompoundId, c => c.Id, (b, c) => new { b.Id, b.Name, Compound = c.Name })
            .OrderBy(b => b.Compound).ThenBy(b => b.Name).ThenBy(b => b.Id)
            .Take(MaxOptions / 2)
            .ToListAsync(ct);
        return
        [
            .. compounds.Select(c => new PickerOption(Invariant(c.Id), $"{compound} · {c.Name} ({c.Id})")),
            .. buildings.Select(b => new PickerOption(Invariant(b.Id), $"{building} · {b.Compound} {b.Name} ({b.Id})")),
        ];
    }

    private static string Invariant(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
