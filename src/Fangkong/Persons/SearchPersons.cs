using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>
/// Person search by name, document number or phone, paged, within the caller's jurisdiction
/// (the DbContext's filter applies; nothing here can widen it).
/// </summary>
public static class SearchPersons
{
    public const int MinQueryLength = 2;

    public sealed record Query(string? Text, string? RegionCode, int? Page, int? PageSize);

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

            persons = persons.Where(p => p.RegionCode.StartsWith(region));
        }

        if (text.Length > 0)
        {
            persons = IsDigits(text)
                ? persons.Where(p => p.DocumentNumber == text.ToUpperInvariant() || p.Phone == text || p.DocumentNumber.StartsWith(text))
                : persons.Where(p => p.Name.StartsWith(text) || p.DocumentNumber == text.ToUpperInvariant());
        }

        var (number, size) = Page<PersonView>.Clamp(query.Page, query.PageSize);
        var total = await persons.CountAsync(ct);
        var rows = await persons
            .OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(ct);
        var items = rows.Select(p => PersonView.From(p, db.Jurisdiction)).ToList();
        if (items.Count > 0)
        {
            // Lists of people are personal data too: who saw which records is on the log.
            await db.AuditSearchAsync(nameof(Person), $"q={text};region={region};page={number}", items.Select(i => i.Id).ToList(), region, ct);
        }

        return new Page<PersonView>(items, number, size, total);
    }

    private static bool IsDigits(string s) => s.All(c => char.IsAsciiDigit(c) || c is 'X' or 'x');
}
