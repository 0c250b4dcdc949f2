using System.Globalization;
using Fangkong.Data.Concurrency;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Fangkong.Common;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// The one mapping of lost races to answers (issue 12, item 5): a concurrency-token mismatch
/// (another request changed the row since this one read it) and a unique-key violation (another
/// request stored the same thing first) are conflicts, answered 409 with what changed, never 500.
/// </summary>
internal static class ConflictProblem
{
    public const string Title = "Conflict";

    /// <summary>The 409 detail for <paramref name="exception"/>, or null when it is not a lost race.</summary>
    public static async Task<string?> DescribeAsync(Exception exception, CancellationToken ct) => exception switch
    {
        DbUpdateConcurrencyException concurrency => await ChangedAsync(concurrency, ct),
        DbUpdateException update when UniqueViolation.KeyOf(update) is { } key =>
            $"已有相同记录（{key}），同一请求可能已由另一次提交保存，请刷新后查看 "
            + $"(a record with the same {key} already exists: another request stored it first; reload to see it).",
        _ => null,
    };

    private static async Task<string> ChangedAsync(DbUpdateConcurrencyException exception, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var entry in exception.Entries)
        {
            parts.Add(await DescribeAsync(entry, ct));
        }

        var what = parts.Count == 0 ? "the record" : string.Join("; ", parts);
        return $"记录在读取后已被另一请求修改，本次修改未保存，请刷新后重试 "
            + $"(changed by another request after this one read it, so this change was not saved; reload and try again): {what}.";
    }

    /// <summary>"Placement 12: State Placed → CheckedIn", read from the database now.</summary>
    private static async Task<string> DescribeAsync(EntityEntry entry, CancellationToken ct)
    {
        var name = entry.Metadata.ClrType.Name;
        var key = entry.Metadata.FindPrimaryKey() is { } pk
            ? string.Join(",", pk.Properties.Select(p => Text(entry.Property(p.Name).CurrentValue)))
            : string.Empty;
        try
        {
            var now = await entry.GetDatabaseValuesAsync(ct);
            if (now is null)
            {
                return ErrorText.Of("error.web.deleted", name, key);
            }

            var changed = now.Properties
                .Where(p => p.Name != RowVersion.Property && !Equals(now[p], entry.OriginalValues[p]))
                .Select(p => $"{p.Name} {Text(entry.OriginalValues[p])} → {Text(now[p])}")
                .ToList();
            return changed.Count == 0 ? $"{name} {key}" : $"{name} {key}: {string.Join(", ", changed)}";
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            // The context that lost the race may be gone (a job's or a system context): name the row only.
            return $"{name} {key}";
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTimeOffset at => at.ToString("u", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
