using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// Positives that testing handed over and no case has been made of yet, in the caller's
/// jurisdiction, the longest waiting first: the queue of case reporting. The list names
/// people, so who saw it is on the audit log.
/// </summary>
public static class ListPendingPositives
{
    public sealed record Item(long Id, long PersonId, string Name, string IdNumber, string RegionCode, string Source, long TubeId, DateTimeOffset FoundAt, double WaitingHours);

    public static async Task<Page<Item>> HandleAsync(FangkongDbContext db, TimeProvider time, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = db.PositivePersons.AsNoTracking().Where(p => p.CaseNo == null);
        var (number, size) = Page<Item>.Clamp(page, pageSize);
        var total = await pending.CountAsync(ct);
        var rows = await pending.OrderBy(p => p.FoundAt).ThenBy(p => p.Id).Skip((number - 1) * size).Take(size)
            .Join(db.Persons.AsNoTracking(), p => p.PersonId, person => person.Id, (p, person) => new { p, person.Name, person.DocumentNumber })
            .ToListAsync(ct);
        var now = time.GetUtcNow();
        var items = rows.Select(r => new Item(
            r.p.Id, r.p.PersonId, r.Name, db.Jurisdiction.SeesFullIdentity ? r.DocumentNumber : Masking.IdNumber(r.DocumentNumber), r.p.RegionCode,
            r.p.Source.ToString(), r.p.TubeId, r.p.FoundAt, Math.Round((now - r.p.FoundAt).TotalHours, 1))).ToList();
        if (items.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Testing.PositivePerson), string.Create(CultureInfo.InvariantCulture, $"pending;page={number}"), items.Select(i => i.PersonId).ToList(), null, ct);
        }

        return new Page<Item>(items, number, size, total);
    }
}
