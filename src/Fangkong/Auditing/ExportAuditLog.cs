using System.Globalization;
using System.Text;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Auditing;

/// <summary>
/// The filtered audit log as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese),
/// newest first, at most <see cref="MaxRows"/> lines per file: narrow the filters or continue with
/// <c>before</c>. The export is itself audited, with the range of ids it gave out.
/// </summary>
public static class ExportAuditLog
{
    public const int MaxRows = 50_000;

    public static readonly string[] Header =
    [
        "id", "at", "user", "user_region", "action", "entity", "key", "region", "client_address", "user_agent", "before", "after",
    ];

    public static async Task<Result<byte[]>> HandleAsync(FangkongDbContext db, ListAuditLog.Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        if (ListAuditLog.Validate(query) is { } error)
        {
            return error;
        }

        var rows = await ListAuditLog.Filtered(db, query).Take(MaxRows).ToListAsync(ct);
        var csv = new StringBuilder();
        csv.AppendJoin(',', Header).Append("\r\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture), r.UserName, r.UserRegion,
                r.Action, r.Entity, r.EntityKey, r.RegionCode, r.ClientAddress, r.UserAgent, r.Before, r.After,
            }.Select(Field)).Append("\r\n");
        }

        var range = rows.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"ids {rows[^1].Id}–{rows[0].Id}");
        await db.AuditSearchAsync(nameof(AuditEntry), $"export {rows.Count} lines ({range}) {ListAuditLog.Describe(query)}", [], null, ct);
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    /// <summary>Quoted when needed; a leading =, +, - or @ is defused so that a spreadsheet shows it, never runs it.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
