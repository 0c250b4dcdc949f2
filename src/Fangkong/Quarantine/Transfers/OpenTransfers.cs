using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Transfers;

/// <summary>
/// Opens a transfer task for every placed person of the caller's jurisdiction who has none
/// (即查即转): from the home (address and compound from the register) to the placement's site,
/// the clock starting at the placement's time of identification. Idempotent.
/// </summary>
public static class OpenTransfers
{
    public const int MaxPerCall = 5_000;

    public sealed record Opened(int Count, IReadOnlyList<long> Ids);

    public static async Task<Result<Opened>> HandleAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var placements = await db.Placements.AsNoTracking()
            .Where(p => p.State == PlacementState.Placed && !db.TransferTasks.Any(t => t.PlacementId == p.Id))
            .OrderBy(p => p.IdentifiedAt).Take(MaxPerCall).ToListAsync(ct);
        if (placements.Count == 0)
        {
            return new Opened(0, []);
        }

        var siteIds = placements.Select(p => p.SiteId).Distinct().ToList();
        // One set, no join: a site's name and region are not personal data and the site may lie in another county or city.
        var sites = await db.QuarantineSites.BypassJurisdiction(BypassReason.ReferenceName).AsNoTracking().Where(s => EF.Parameter(siteIds).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        var now = time.GetUtcNow();
        var tasks = new List<TransferTask>();
        foreach (var p in placements)
        {
            var subject = await Stay.StayRecords.SubjectAsync(db, p, ct);
            var person = subject.Person ?? (subject.PersonId is { } id ? await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) : null);
            var from = person is null ? p.RegionCode : await CreateTransfer.AddressAsync(db, person, ct);
            var site = sites[p.SiteId];
            tasks.Add(new TransferTask(
                p.Id, subject.PersonId, subject.IdNumber, p.Name, p.RegionCode, person?.CompoundId, from, site.Id, site.Name, site.RegionCode,
                p.IdentifiedAt, db.Jurisdiction.UserName, now));
        }

        db.TransferTasks.AddRange(tasks);
        await db.SaveChangesAsync(ct);
        return new Opened(tasks.Count, [.. tasks.Select(t => t.Id)]);
    }
}
