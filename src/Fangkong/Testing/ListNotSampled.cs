using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// The residents of a community not yet sampled in a round, ordered by compound, building, unit
/// and room: the list for knocking on doors ("敲门行动"). People exempted from the round (tested
/// elsewhere) are left out. Paged, within the jurisdiction, audited.
/// </summary>
public static class ListNotSampled
{
    public sealed record Row(long PersonId, string Name, string Phone, string? Compound, string? Building, string? Unit, string? Room);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, long roundId, string communityCode, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Jurisdiction.SeesResidentDetails)
        {
            // The list is names and doors; the counts on the round's page are what these roles need.
            return Error.Forbidden(ErrorText.Of("error.testing.not-sampled-list-carries-names"));
        }

        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var community = Regions.RegionCode.Normalise(communityCode);
        if (community is null || community.Length != 12)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-community-code-digits", communityCode));
        }

        if (!db.Jurisdiction.Covers(community) || !community.StartsWith(found.Value!.RegionCode, StringComparison.Ordinal))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.community-outside-jurisdiction-round", community));
        }

        var sampled = db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).Where(s => s.RoundId == roundId && s.PersonId != null);
        var exempted = db.RoundExemptions.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).Where(e => e.RoundId == roundId);
        var people =
            from p in db.Persons.AsNoTracking()
            where p.RegionCode == community && !sampled.Any(s => s.PersonId == p.Id) && !exempted.Any(e => e.PersonId == p.Id)
            join c in db.Compounds on p.CompoundId equals c.Id into cs
            from c in cs.DefaultIfEmpty()
            join b in db.Buildings on p.BuildingId equals b.Id into bs
            from b in bs.DefaultIfEmpty()
            join u in db.BuildingUnits on p.BuildingUnitId equals u.Id into us
            from u in us.DefaultIfEmpty()
            select new { p.Id, p.Name, p.Phone, Compound = c.Name, Building = b.Name, Unit = u.Name, p.Room };
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await people.CountAsync(ct);
        var rows = await people.OrderBy(x => x.Compound).ThenBy(x => x.Building).ThenBy(x => x.Unit).ThenBy(x => x.Room).ThenBy(x => x.Id)
            .Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var full = db.Jurisdiction.SeesFullIdentity;
        var items = rows.Select(x => new Row(x.Id, x.Name, full ? x.Phone ?? string.Empty : Access.Masking.Phone(x.Phone), x.Compound, x.Building, x.Unit, x.Room)).ToList();
        if (items.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Person), $"not-sampled round={roundId} community={community} page={number}", items.Select(i => i.PersonId).ToList(), community, ct);
        }

        return new Page<Row>(items, number, size, total);
    }
}
