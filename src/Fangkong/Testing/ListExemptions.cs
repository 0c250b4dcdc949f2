using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// A round's exemptions (people tested elsewhere) within the caller's jurisdiction: the paged list
/// (audited, identity masked as elsewhere) and the counts by reason for the round's page.
/// </summary>
public static class ListExemptions
{
    public sealed record Row(long PersonId, string Name, string IdNumber, string RegionCode, ExemptionKind Kind, string? Note, string RecordedBy, DateTimeOffset RecordedAt, bool SampledAnyway);

    /// <summary>Exemptions by reason; <paramref name="SampledAnyway"/> of them were swabbed in the round all the same (they count as sampled).</summary>
    public sealed record Counts(long Quarantine, long Hospital, long Other, long SampledAnyway)
    {
        public long Total => Quarantine + Hospital + Other;
    }

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, long roundId, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var prefix = db.Jurisdiction.RegionPrefix;
        var sampled = db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).Where(s => s.RoundId == roundId && s.PersonId != null);
        var rows =
            from e in db.RoundExemptions.AsNoTracking()

            // Ignoring the filters for the join ignores them for the whole query: the caller's region is asked for here.
            where e.RoundId == roundId && e.RegionCode.StartsWith(prefix)
            join p in db.Persons.BypassJurisdiction(BypassReason.SwabsTakenAnywhere) on e.PersonId equals p.Id
            select new { e.PersonId, p.Name, p.DocumentNumber, e.RegionCode, e.Kind, e.Note, e.RecordedBy, e.RecordedAt, Sampled = sampled.Any(s => s.PersonId == e.PersonId) };
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await rows.CountAsync(ct);
        var list = await rows.OrderBy(x => x.RegionCode).ThenBy(x => x.PersonId).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var full = db.Jurisdiction.SeesFullIdentity;

        // Lab staff and inspectors get the kind and the masked number, not the name or the note (which says why).
        var details = db.Jurisdiction.SeesResidentDetails;
        var items = list.Select(x => new Row(
            x.PersonId, details ? x.Name : string.Empty, full ? x.DocumentNumber : Access.Masking.IdNumber(x.DocumentNumber), x.RegionCode, x.Kind,
            details ? x.Note : null, x.RecordedBy, x.RecordedAt, x.Sampled)).ToList();
        if (items.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Person), $"exemptions round={roundId} page={number}", items.Select(i => i.PersonId).ToList(), null, ct);
        }

        return new Page<Row>(items, number, size, total);
    }

    /// <summary>Counts of the round's exemptions of people registered in <paramref name="region"/> (checked by the caller).</summary>
    public static async Task<Counts> CountAsync(FangkongDbContext db, long roundId, string region, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Who was swabbed, from the round's maintained people (one key lookup per exemption, ADR 0029).
        var sampled = db.Set<Tallies.RoundPerson>().BypassJurisdiction(BypassReason.SwabsTakenAnywhere).Where(p => p.RoundId == roundId && p.Sampled);
        var byKind = await db.RoundExemptions.AsNoTracking()
            .Where(e => e.RoundId == roundId && e.RegionCode.StartsWith(region))
            .GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Count = g.LongCount(), Sampled = g.LongCount(e => sampled.Any(s => s.PersonId == e.PersonId)) })
            .ToListAsync(ct);
        long Of(ExemptionKind kind) => byKind.Where(k => k.Kind == kind).Sum(k => k.Count);
        return new Counts(Of(ExemptionKind.Quarantine), Of(ExemptionKind.Hospital), Of(ExemptionKind.Other), byKind.Sum(k => k.Sampled));
    }
}
