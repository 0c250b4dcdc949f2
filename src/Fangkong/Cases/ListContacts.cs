using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>Contacts within the caller's jurisdiction, paged, by region, kind and source; the list is audited.</summary>
public static class ListContacts
{
    public sealed record Query(string? Region, string? Kind, string? SourceCaseNo, string? SourceContactNo, int? Page, int? PageSize);

    public static async Task<Result<Page<ContactView>>> HandleAsync(FangkongDbContext db, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        IQueryable<Contact> contacts = db.Contacts.AsNoTracking();
        var region = ListCases.RegionFilter(db, query.Region);
        if (!region.IsSuccess)
        {
            return region.Error!;
        }

        if (region.Value is { } prefix)
        {
            contacts = contacts.Where(c => c.RegionCode.StartsWith(prefix));
        }

        var kind = EnumText.ParseOptional<ContactKind>(query.Kind, "kind");
        if (!kind.IsSuccess)
        {
            return kind.Error!;
        }

        if (kind.Value is { } k)
        {
            contacts = contacts.Where(c => c.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(query.SourceCaseNo))
        {
            var source = query.SourceCaseNo.Trim();
            contacts = contacts.Where(c => c.SourceCaseNo == source);
        }

        if (!string.IsNullOrWhiteSpace(query.SourceContactNo))
        {
            var source = query.SourceContactNo.Trim();
            contacts = contacts.Where(c => c.SourceContactNo == source);
        }

        var (number, size) = Page<ContactView>.Clamp(query.Page, query.PageSize);
        var total = await contacts.CountAsync(ct);
        var rows = await contacts.OrderByDescending(c => c.IdentifiedOn).ThenBy(c => c.ContactNo).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(c => ContactView.From(c, db.Jurisdiction)).ToList();
        if (items.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Contact), string.Create(CultureInfo.InvariantCulture, $"region={region.Value};kind={query.Kind};case={query.SourceCaseNo};contact={query.SourceContactNo};page={number}"),
                items.Select(i => i.Id).ToList(), region.Value, ct);
        }

        return new Page<ContactView>(items, number, size, total);
    }
}
