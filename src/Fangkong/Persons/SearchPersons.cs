using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>
/// Person search by name, document number or phone, paged, within the caller's jurisdiction
/// (the DbContext's filter applies; nothing here can widen it). Ordered by name then id; a page
/// asked for <c>after</c> a person continues from that person (keyset paging: the cost of page 500
/// is that of page 1, where an offset reads and drops every row before it).
/// </summary>
public static class SearchPersons
{
    public const int MinQueryLength = 2;

    /// <param name="After">The id of the last person of the previous page: the page continues after them.</param>
    public sealed record Query(string? Text, string? RegionCode, int? Page, int? PageSize, long? After = null);

    public static async Task<Result<Page<PersonView>>> HandleAsync(FangkongDbContext db, Query query, CancellationToken ct = default)
    {
        var text = query.Text?.Trim() ?? string.Empty;
        if (text.Length is > 0 and < MinQueryLength)
        {
            return Error.Invalid("q", $"查询内容至少 {MinQueryLength} 个字 (Search text must have at least {MinQueryLength} characters).");
        }

        IQueryable<Person> persons = db.Persons.AsNoTracking();
        string? region = null;
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            region = Regions.RegionCode.Normalise(query.RegionCode);
            if (region is null)
            {
                return Error.Invalid("region", $"「{query.RegionCode}」不是区划代码 ('{query.RegionCode}' is not a region code).");
            }

            if (!db.Jurisdiction.Covers(region) && !region.StartsWith(db.Jurisdiction.RegionPrefix, StringComparison.Ordinal))
            {
                return Error.Forbidden($"区划 {region} 不在您的辖区内 (Region {region} is outside your jurisdiction).");
            }

            // A community is a leaf of the tree: an equality lets the (region, name, id) index give
            // its people in order, where a prefix range would have to sort them.
            persons = region.Length == Regions.RegionCode.MaxLength
                ? persons.Where(p => p.RegionCode == region)
                : persons.Where(p => p.RegionCode.StartsWith(region));
        }

        if (text.Length > 0)
        {
            persons = IsDigits(text)
                ? persons.Where(p => p.DocumentNumber == text.ToUpperInvariant() || p.Phone == text || p.DocumentNumber.StartsWith(text))
                : persons.Where(p => p.Name.StartsWith(text) || p.DocumentNumber == text.ToUpperInvariant());
        }

        var (number, size) = Page<PersonView>.Clamp(query.Page, query.PageSize);
        var total = await persons.CountAsync(ct);
        var ordered = persons;
        if (query.After is { } after)
        {
            var anchor = await db.Persons.AsNoTracking().Where(p => p.Id == after).Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (anchor is null)
            {
                return Error.Invalid("after", $"没有编号为 {after} 的人员 (There is no person {after} to continue after).");
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
        if (items.Count > 0)
        {
            // Lists of people are personal data too: who saw which records is on the log.
            await db.AuditSearchAsync(nameof(Person), $"q={text};region={region};page={number}", items.Select(i => i.Id).ToList(), region, ct);
        }

        return new Page<PersonView>(items, number, size, total) { NextAfter = items.Count == size ? items[^1].Id : null };
    }

    private static bool IsDigits(string s) => s.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x');
}
