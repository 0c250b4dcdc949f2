using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Transfers;

/// <summary>
/// The dispatcher's board (转运调度): waiting people grouped by compound and destination, so one
/// vehicle takes one compound; the batches under way with their vehicle and state; the fleet.
/// Waiting people are listed longest-waiting first within a group. The list of people is audited.
/// </summary>
public static class DispatchBoard
{
    public const int MaxWaiting = 500;

    public sealed record Person(long TransferId, long? PlacementId, string Name, string IdNumber, string RegionCode, string FromAddress, DateTimeOffset IdentifiedAt, double HoursWaiting, TransferState State);

    public sealed record Group(long? CompoundId, string Compound, long? SiteId, string SiteName, string SiteRegionCode, bool CrossCity, IReadOnlyList<Person> People);

    public sealed record Batch(
        long Id, long VehicleId, string Plate, string SiteName, int Passengers, BatchState State, DateTimeOffset DispatchedAt,
        DateTimeOffset? PickedUpAt, DateTimeOffset? ArrivedAt, IReadOnlyList<Person> People);

    public sealed record Board(DateTimeOffset AsOf, int WaitingCount, IReadOnlyList<Group> Waiting, IReadOnlyList<Batch> Batches, IReadOnlyList<Vehicles.Row> Vehicles);

    public static async Task<Result<Board>> HandleAsync(FangkongDbContext db, TimeProvider time, string? region, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var filter = Cases.ListCases.RegionFilter(db, region);
        if (!filter.IsSuccess)
        {
            return filter.Error!;
        }

        var now = time.GetUtcNow();
        var waiting = db.TransferTasks.AsNoTracking().Where(t => t.State == TransferState.Waiting);
        var moving = db.TransferTasks.AsNoTracking().Where(t => t.BatchId != null && (t.State == TransferState.Dispatched || t.State == TransferState.PickedUp || t.State == TransferState.Arrived));
        if (filter.Value is { } prefix)
        {
            waiting = waiting.Where(t => t.RegionCode.StartsWith(prefix));
            moving = moving.Where(t => t.RegionCode.StartsWith(prefix));
        }

        var count = await waiting.CountAsync(ct);
        var people = await waiting.OrderBy(t => t.IdentifiedAt).Take(MaxWaiting).ToListAsync(ct);
        var compoundIds = people.Where(t => t.CompoundId != null).Select(t => t.CompoundId!.Value).Distinct().ToList();
        var compounds = await db.Compounds.AsNoTracking().Where(c => EF.Parameter(compoundIds).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var full = db.Jurisdiction.SeesFullIdentity;
        var groups = people
            .GroupBy(t => (t.CompoundId, t.SiteId, t.SiteName, t.SiteRegionCode))
            .Select(g => new Group(
                g.Key.CompoundId, g.Key.CompoundId is { } c && compounds.TryGetValue(c, out var name) ? name : "—", g.Key.SiteId, g.Key.SiteName, g.Key.SiteRegionCode,
                g.First().CrossCity, [.. g.Select(t => ToPerson(t, now, full, db.Jurisdiction.SeesResidentDetails))]))
            .OrderBy(g => g.People.Min(p => p.IdentifiedAt))
            .ToList();

        var aboard = await moving.ToListAsync(ct);
        var batchIds = aboard.Select(t => t.BatchId!.Value).Distinct().ToList();
        var batches = await db.TransferBatches.AsNoTracking().Where(b => EF.Parameter(batchIds).Contains(b.Id)).OrderBy(b => b.DispatchedAt).ToListAsync(ct);
        var fleet = await Vehicles.ListAsync(db, ct);
        var plates = fleet.ToDictionary(v => v.Id, v => v.Plate);
        var rows = batches.Select(b => new Batch(
            b.Id, b.VehicleId, plates.GetValueOrDefault(b.VehicleId, "—"), b.SiteName, b.Passengers, b.State, b.DispatchedAt, b.PickedUpAt, b.ArrivedAt,
            [.. aboard.Where(t => t.BatchId == b.Id).Select(t => ToPerson(t, now, full, db.Jurisdiction.SeesResidentDetails))])).ToList();

        var shown = people.Select(t => t.Id).Concat(aboard.Select(t => t.Id)).ToList();
        if (shown.Count > 0)
        {
            await db.AuditSearchAsync(nameof(TransferTask), string.Create(CultureInfo.InvariantCulture, $"board;region={filter.Value}"), shown, filter.Value, ct);
        }

        return new Board(now, count, groups, rows, fleet);
    }

    // Inspectors follow the waiting times, not who waits where: no name, no home address for them.
    internal static Person ToPerson(TransferTask t, DateTimeOffset now, bool full, bool details) =>
        new(t.Id, t.PlacementId, details ? t.Name : string.Empty, full ? t.IdNumber : Masking.IdNumber(t.IdNumber), t.RegionCode, details ? t.FromAddress : string.Empty, t.IdentifiedAt,
            Math.Round(t.Elapsed(now).TotalHours, 1), t.State);
}
