using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.Data;

/// <summary>
/// Turns on <c>PRAGMA case_sensitive_like</c> for every SQLite connection. EF translates
/// <c>StartsWith</c> (every jurisdiction filter) to <c>LIKE 'prefix%'</c>; SQLite serves that from
/// the ordinary (BINARY) index on the code only when LIKE is case-sensitive, and scans the whole
/// table otherwise. Codes are digits, so case never mattered for them
/// (docs/decisions/0005-region-prefix-index.md).
/// </summary>
internal sealed class SqlitePrefixLikeInterceptor : DbConnectionInterceptor
{
    public static SqlitePrefixLikeInterceptor Instance { get; } = new();

    private const string Pragma = "PRAGMA case_sensitive_like = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
