using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>The alerts of the caller's communities, those not yet acknowledged first, newest first; counts only, no names.</summary>
public static class ListCommunityAlerts
{
    public sealed record Item(long Id, string RegionCode, long RoundId, string TubeBarcode, AlertKind Kind, int People, DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

    public sealed record Answer(Page<Item> Alerts, int Open);

    public static async Task<Answer> HandleAsync(FangkongDbContext db, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var alerts = db.CommunityAlerts.AsNoTracking();
        var (number, size) = Page<Item>.Clamp(page, pageSize);
        var total = await alerts.CountAsync(ct);
        var open = await alerts.CountAsync(a => a.AcknowledgedAt == null, ct);

        var rows = await alerts.OrderBy(a => a.AcknowledgedAt == null ? 0 : 1).ThenByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);

        // The tube may have been sampled outside the caller's region: only its barcode is shown. A
        // separate query, because ignoring the filters in a join would ignore the alerts' own too.
        var ids = rows.Select(a => a.TubeId).Distinct().ToList();
        var barcodes = await db.Tubes.BypassJurisdiction(BypassReason.ReferenceName).AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Barcode, ct);
        var items = rows.Select(a => new Item(a.Id, a.RegionCode, a.RoundId, barcodes[a.TubeId], a.Kind, a.People, a.CreatedAt, a.AcknowledgedAt, a.AcknowledgedBy)).ToList();
        return new Answer(new Page<Item>(items, number, size, total), open);
    }
}
