using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Auditing;

/// <summary>
/// The audit log for discipline inspectors and administrators: filtered by user, action, entity
/// and time, newest first, paged by id (keyset: the cost of a page does not grow with the log).
/// A caller sees the lines of users of their jurisdiction and the lines about records in it.
/// Reading the log is itself audited.
/// </summary>
public static class ListAuditLog
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <param name="Before">The id after which to continue (the previous page's <see cref="Page.Next"/>).</param>
    public sealed record Query(string? User, string? Action, string? Entity, DateTimeOffset? From, DateTimeOffset? To, long? Before, int? PageSize);

    public sealed record Row(
        long Id, DateTimeOffset At, string UserName, string? UserRegion, string Action, string Entity, string EntityKey,
        string? RegionCode, string? ClientAddress, string? UserAgent, string? Before, string? After);

    /// <summary>One page; <paramref name="Next"/> is the <c>before</c> of the following page, null at the end.</summary>
    public sealed record Page(IReadOnlyList<Row> Items, long? Next);

    public static async Task<Result<Page>> HandleAsync(FangkongDbContext db, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var size = query.PageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return Error.Invalid("pageSize", ErrorText.Of("error.auditing.page-holds-lines", MaxPageSize));
        }

        if (Validate(query) is { } error)
        {
            return error;
        }

        var rows = await Filtered(db, query).Take(size + 1).ToListAsync(ct);
        var more = rows.Count > size;
        var items = rows.Take(size).ToList();
        await db.AuditSearchAsync(nameof(AuditEntry), Describe(query), items.Select(r => r.Id).ToList(), null, ct);
        return new Page(items, more ? items[^1].Id : null);
    }

    /// <summary>The filters' own errors, shared with the export.</summary>
    internal static Error? Validate(Query query)
    {
        if (query.From is { } from && query.To is { } to && from > to)
        {
            return Error.Invalid("from", ErrorText.Of("error.auditing.start-after-end"));
        }

        if (query.Before is < 1)
        {
            return Error.Invalid("before", ErrorText.Of("error.auditing.before-positive"));
        }

        return Too(query.User, "user", AuditEntry.UserMaxLength)
            ?? Too(query.Action, "action", AuditEntry.ActionMaxLength)
            ?? Too(query.Entity, "entity", AuditEntry.EntityMaxLength);
    }

    /// <summary>The lines the caller may see that match the filters, newest first.</summary>
    internal static IQueryable<Row> Filtered(FangkongDbContext db, Query query)
    {
        var lines = TimeRange(db, query.From, query.To);
        var prefix = db.Jurisdiction.RegionPrefix;
        if (prefix.Length > 0)
        {
            lines = lines.Where(a => (a.UserRegion != null && a.UserRegion.StartsWith(prefix)) || (a.RegionCode != null && a.RegionCode.StartsWith(prefix)));
        }

        if (Given(query.User) is { } user)
        {
            lines = lines.Where(a => a.UserName == user);
        }

        if (Given(query.Action) is { } action)
        {
            lines = lines.Where(a => a.Action == action);
        }

        if (Given(query.Entity) is { } entity)
        {
            lines = lines.Where(a => a.Entity == entity);
        }

        if (query.Before is { } before)
        {
            lines = lines.Where(a => a.Id < before);
        }

        return lines
            .OrderByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.At, a.UserName, a.UserRegion, a.Action, a.Entity, a.EntityKey, a.RegionCode, a.ClientAddress, a.UserAgent, a.Before, a.After));
    }

    internal static string Describe(Query query) => string.Create(
        CultureInfo.InvariantCulture,
        $"user={query.User} action={query.Action} entity={query.Entity} from={query.From:O} to={query.To:O} before={query.Before}");

    /// <summary>
    /// SQLite keeps these times as ISO text in UTC (EF's format), which sorts as time does but which
    /// EF cannot compare as DateTimeOffset there: compare the text. PostgreSQL compares timestamps.
    /// </summary>
    private static IQueryable<AuditEntry> TimeRange(FangkongDbContext db, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null && to is null)
        {
            return db.AuditLog;
        }

        if (db.Database.IsSqlite())
        {
            var low = from is { } f ? SqliteText(f) : string.Empty;
            var high = to is { } t ? SqliteText(t) : "9";
            return db.AuditLog.FromSqlInterpolated($"SELECT * FROM audit_log WHERE at >= {low} AND at < {high}");
        }

        var lines = db.AuditLog.AsQueryable();
        if (from is { } start)
        {
            var utc = start.ToUniversalTime();
            lines = lines.Where(a => a.At >= utc);
        }

        if (to is { } end)
        {
            var utc = end.ToUniversalTime();
            lines = lines.Where(a => a.At < utc);
        }

        return lines;
    }

    private static string SqliteText(DateTimeOffset time) =>
        time.ToUniversalTime().ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Error? Too(string? value, string field, int max) =>
        value is { Length: var n } && n > max ? Error.Invalid(field, ErrorText.Of("error.auditing.most-characters", field, max)) : null;
}
