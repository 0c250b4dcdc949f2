using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// Cases within the caller's jurisdiction, paged, newest report first, filtered by region, type,
/// report dates and case number or name prefix. The list is personal data: who saw which
/// records is on the audit log.
/// </summary>
public static class ListCases
{
    public sealed record Query(string? Text, string? Region, string? Type, DateOnly? From, DateOnly? To, int? Page, int? PageSize);

    public static async Task<Result<Page<CaseView>>> HandleAsync(FangkongDbContext db, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        IQueryable<Case> cases = db.Cases.AsNoTracking();
        var region = RegionFilter(db, query.Region);
        if (!region.IsSuccess)
        {
            return region.Error!;
        }

        if (region.Value is { } prefix)
        {
            cases = cases.Where(c => c.RegionCode.StartsWith(prefix));
        }

        var type = EnumText.ParseOptional<CaseType>(query.Type, "type");
        if (!type.IsSuccess)
        {
            return type.Error!;
        }

        if (type.Value is { } t)
        {
            cases = cases.Where(c => c.Type == t);
        }

        if (query.From is { } from)
        {
            cases = cases.Where(c => c.ReportedOn >= from);
        }

        if (query.To is { } to)
        {
            cases = cases.Where(c => c.ReportedOn <= to);
        }

        var text = query.Text?.Trim() ?? string.Empty;
        if (text.Length > 0)
        {
            // A role that sees masked names searches by case number only: a name prefix would tell it who is a case.
            cases = db.Jurisdiction.SeesResidentDetails
                ? cases.Where(c => c.CaseNo.StartsWith(text) || c.Name.StartsWith(text))
                : cases.Where(c => c.CaseNo.StartsWith(text));
        }

        var (number, size) = Page<CaseView>.Clamp(query.Page, query.PageSize);
        var total = await cases.CountAsync(ct);
        var rows = await cases.OrderByDescending(c => c.ReportedOn).ThenBy(c => c.CaseNo).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(c => CaseView.From(c, db.Jurisdiction)).ToList();
        if (items.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Case), string.Create(CultureInfo.InvariantCulture, $"q={text};region={region.Value};type={query.Type};from={query.From};to={query.To};page={number}"),
                items.Select(i => i.Id).ToList(), region.Value, ct);
        }

        return new Page<CaseView>(items, number, size, total);
    }

    /// <summary>An optional region filter: normalised, and refused when outside the caller's jurisdiction.</summary>
    internal static Result<string?> RegionFilter(FangkongDbContext db, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<string?>.Ok(null);
        }

        var region = Regions.RegionCode.Normalise(text);
        if (region is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", text));
        }

        return db.Jurisdiction.Covers(region)
            ? Result<string?>.Ok(region)
            : Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-2", region));
    }
}
