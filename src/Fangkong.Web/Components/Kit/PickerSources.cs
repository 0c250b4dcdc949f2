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
}
