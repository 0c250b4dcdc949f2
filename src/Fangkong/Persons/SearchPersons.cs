using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>
/// Person search by name, document number or phone, paged, within the caller's jurisdiction
/// (the DbContext's filter applies; nothing here can widen it). A search by number confirms who
/// owns that number, so it is for roles that see full numbers only, limited per user
/// (<see cref="NumberSearchLimiter"/>), and every one is audited, the empty and the refused too.
/// Ordered by name then id; a page
/// asked for <c>after</c> a person continues from that person (keyset paging: the cost of page 500
/// is that of page 1, where an offset reads and drops every row before it).
/// </summary>
public static class SearchPersons
{
    public const int MinQueryLength = 2;

    /// <param name="After">The id of the last person of the previous page: the page continues after them.</param>
    public sealed record Query(string? Text, string? RegionCode, int? Page, int? PageSize, long? After = null);

    public const string RefusedAction = "refused";

    public static async Task<Result<Page<PersonView>>> HandleAsync(FangkongDbContext db, NumberSearchLimiter limiter, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(limiter);
        // Full-width digits and the like are the same number: they are searched (and refused) as such.
        var text = query.Text?.Normalize(System.Text.NormalizationForm.FormKC).Trim() ?? string.Empty;
        if (text.Length is > 0 and < MinQueryLength)
        {
            return Error.Invalid("q", ErrorText.Of("error.persons.search-text-least-characters", MinQueryLength));
        }

        IQueryable<Person> persons = db.Persons.AsNoTracking();
        string? region = null;
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            region = Regions.RegionCode.Normalise(query.RegionCode);
            if (region is null)
            {
                return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", query.RegionCode));
            }

            if (!db.Jurisdiction.Covers(region) && !region.StartsWith(db.Jurisdiction.RegionPrefix, StringComparison.Ordinal))
            {
                return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
            }

            // A community is a leaf of the tree: an equality lets the (region, name, id) index give
            // its people in order, where a prefix range would have to sort them.
            persons = region.Length == Regions.RegionCode.MaxLength
                ? persons.Where(p => p.RegionCode == region)
                : persons.Where(p => p.RegionCode.StartsWith(region));
        }

        var byNumber = IsNumberQuery(text);
        if (byNumber && await RefuseNumberSearchAsync(db, limiter, text, ct) is { } refused)
        {
            return refused;
        }

        if (text.Length > 0)
        {
            persons = byNumber
                ? persons.Where(p => p.DocumentNumber == text.ToUpperInvariant() || p.Phone == text || p.DocumentNumber.StartsWith(text))
                : persons.Where(p => p.Name.StartsWith(text));
        }

        var (number, size) = Page<PersonView>.Clamp(query.Page, query.PageSize);
        // A list by region alone (a community's residents, a street's) is as long as the maintained
        // resident count says: the same figure, without counting the subtree's persons per page.
        var total = text.Length == 0
            ? (int)Math.Min(int.MaxValue, await Populations.InSubtreeAsync(db, region ?? string.Empty, ct))
            : await persons.CountAsync(ct);
        var ordered = persons;
        if (query.After is { } after)
        {
            var anchor = await db.Persons.AsNoTracking().Where(p => p.Id == after).Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (anchor is null)
            {
                return Error.Invalid("after", ErrorText.Of("error.persons.there-no-person-continue-after", after));
            }

            // Compared in SQL by the database's collation, the one ORDER BY uses. Written as a range
            // (name >= anchor) and a filter, so that an index on the name can start at the anchor.
#pragma warning disable CA1309, CA1310 // translated to SQL, never run in .NET
            ordered = ordered.Where(p => p.Name.CompareTo(anchor) >= 0 && (p.Name != anchor || p.Id > after));
#pragma warning restore CA1309, CA1310
        }

        var page = ordered.OrderBy(p => p.Name).ThenBy(p => p.Id);
        var rows = query.After is null
            ? await page.Skip((number - 1) * size).Take(size).ToListAsync(ct)
            : await page.Take(size).ToListAsync(ct);
        var items = rows.Select(p => PersonView.From(p, db.Jurisdiction)).ToList();
        if (items.Count > 0 || byNumber)
        {
            // Lists of people are personal data too: who saw which records is on the log.
            await db.AuditSearchAsync(nameof(Person), $"q={text};region={region};page={number}", items.Select(i => i.Id).ToList(), region, ct);
        }

        return new Page<PersonView>(items, number, size, total) { NextAfter = items.Count == size ? items[^1].Id : null };
    }

    /// <summary>A query with a digit in it looks for a document number or a phone, never for a name.</summary>
    public static bool IsNumberQuery(string text) => text.Any(char.IsDigit);

    private static async Task<Error?> RefuseNumberSearchAsync(FangkongDbContext db, NumberSearchLimiter limiter, string text, CancellationToken ct)
    {
        // A masked role that could search by number would learn, one guess at a time, what the mask hides.
        if (!db.Jurisdiction.SeesFullIdentity)
        {
            await db.AuditBulkAsync(RefusedAction, nameof(Person), $"search by number refused (masked role): q={text}", ct);
            return Error.Forbidden(ErrorText.Of("error.persons.searching-identity-number-phone-roles"));
        }

        if (!limiter.TryTake(db.Jurisdiction.UserName))
        {
            await db.AuditBulkAsync(RefusedAction, nameof(Person), $"search by number refused (over {limiter.Limit} in {(int)limiter.Window.TotalMinutes} min): q={text}", ct);
            return Error.TooManyRequests(
                ErrorText.Of("error.persons.too-many-searches-number-most", (int)limiter.Window.TotalMinutes, limiter.Limit));
        }

        return null;
    }
}
