using Fangkong.Data;
using Fangkong.Testing.Tallies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing.Doors;

/// <summary>
/// One page of a community's residents not swabbed or exempted in a round, in address order, by
/// key (ADR 0035): an index range scan of <c>persons (region_code, door_key, id)</c> from the
/// cursor, each person looked up in <c>round_people</c> by its primary key (ADR 0029), stopping at
/// the page's end. No OFFSET and no count: a page costs the same whichever page it is, and reads
/// only the community's (or the compound's, the building's) index entries.
/// </summary>
internal static class DoorListQuery
{
    /// <summary>A row as read, with its key for the next cursor; the phone still unmasked.</summary>
    internal sealed record Read(long PersonId, string DoorKey, string Name, string? Phone, string? Compound, string? Building, string? Unit, string? Room)
    {
        /// <summary>The row as the caller may see it (the phone masked or not, <see cref="DoorPhones"/>).</summary>
        public DoorRow For(Access.Jurisdiction jurisdiction) => new(PersonId, Name, DoorPhones.Show(jurisdiction, Phone), Compound, Building, Unit, Room);

        public DoorCursor Cursor => new(DoorKey, PersonId);
    }

    /// <summary>Reads up to <paramref name="size"/> rows after <paramref name="after"/>, and whether more follow.</summary>
    public static async Task<(List<Read> Rows, bool More)> PageAsync(FangkongDbContext db, DoorScope scope, DoorCursor? after, int size, CancellationToken ct)
    {
        // Swabbed or exempted anywhere: a person swabbed in another community still counts as
        // swabbed, so the jurisdiction filter is lifted on round_people (the community is checked).
        var done = db.Set<RoundPerson>().BypassJurisdiction(BypassReason.SwabsTakenAnywhere)
            .Where(r => r.RoundId == scope.RoundId && (r.Sampled || r.Exempted));
        var people = db.Persons.AsNoTracking().Where(p => p.RegionCode == scope.Community && !done.Any(r => r.PersonId == p.Id));
        if (scope.KeyRange is { } range)
        {
            people = people.Where(p => string.Compare(p.DoorKey, range.From) >= 0 && string.Compare(p.DoorKey, range.To) < 0);
        }

        if (after is not null)
        {
            var key = after.Key;
            var id = after.PersonId;
            // The first condition alone bounds the index range scan (an OR is not an index bound):
            // without it PostgreSQL reads the community from its start to the cursor on every page.
            people = people.Where(p => string.Compare(p.DoorKey, key) >= 0 && (string.Compare(p.DoorKey, key) > 0 || p.Id > id));
        }

        var page = people.OrderBy(p => p.DoorKey).ThenBy(p => p.Id).Take(size + 1);
        var rows = await (
            from p in page
            join c in db.Compounds on p.CompoundId equals c.Id into cs
            from c in cs.DefaultIfEmpty()
            join b in db.Buildings on p.BuildingId equals b.Id into bs
            from b in bs.DefaultIfEmpty()
            join u in db.BuildingUnits on p.BuildingUnitId equals u.Id into us
            from u in us.DefaultIfEmpty()
            orderby p.DoorKey, p.Id
            select new Read(p.Id, p.DoorKey!, p.Name, p.Phone, c.Name, b.Name, u.Name, p.Room)).ToListAsync(ct);
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return (rows, more);
    }

    /// <summary>Every row of the scope in address order (print view, exports), read page by page by key.</summary>
    public static async Task<List<Read>> AllAsync(FangkongDbContext db, DoorScope scope, CancellationToken ct)
    {
        const int Batch = 1000;
        var all = new List<Read>();
        DoorCursor? after = null;
        while (true)
        {
            var (rows, more) = await PageAsync(db, scope, after, Batch, ct);
            all.AddRange(rows);
            if (!more)
            {
                return all;
            }

            after = rows[^1].Cursor;
        }
    }
}
