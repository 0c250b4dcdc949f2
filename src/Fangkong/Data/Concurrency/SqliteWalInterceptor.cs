using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.Data.Concurrency;

/// <summary>
/// Sets SQLite up for many users at once (issue 12, item 4; docs/decisions/0018-concurrency.md):
/// write-ahead logging, so that readers never wait for the writer nor the writer for readers;
/// a busy timeout inside SQLite itself, so that a writer waits its turn for the write lock instead
/// of failing with "database is locked"; and <c>synchronous = NORMAL</c>, safe under WAL (a power
/// cut may lose the last commits, never corrupt the file) and far fewer fsyncs per write.
/// </summary>
internal sealed class SqliteWalInterceptor : DbConnectionInterceptor
{
    /// <summary>How long a statement waits for a lock before SQLite gives up: long enough for any one write.</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    // WAL persists in the file; asking again on every open costs a header read and keeps a file
    // that another tool switched back (or a new file at the same path) in WAL.
    private static readonly string Pragmas =
        $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

    public static SqliteWalInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
