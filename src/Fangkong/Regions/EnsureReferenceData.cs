using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Regions;

/// <summary>Jilin province ships with the product: its regions load on first run.</summary>
public static class EnsureReferenceData
{
    public const string Jilin = "22";

    /// <summary>Loads Jilin's regions when the province is not in the table yet; returns how many were added.</summary>
    public static async Task<int> EnsureJilinAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Regions.AnyAsync(r => r.Code == Jilin, ct))
        {
            return 0;
        }

        var result = await ImportRegions.HandleAsync(db, new ImportRegions.Source(null, Jilin), ct);
        return result.IsSuccess
            ? result.Value!.Added
            : throw new InvalidOperationException($"The shipped regions of Jilin did not load: {result.Error!.Message}");
    }
}
