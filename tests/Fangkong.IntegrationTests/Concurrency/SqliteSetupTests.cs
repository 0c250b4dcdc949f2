using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// The embedded database is set up for many users (docs/decisions/0018-concurrency.md): WAL,
/// a busy timeout, and write transactions that take the write lock when they begin.
/// </summary>
public sealed class SqliteSetupTests
{
    [Fact]
    public async Task EveryConnection_IsInWalMode_WithABusyTimeout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        await db.Database.OpenConnectionAsync();

        (await ScalarAsync(db, "PRAGMA journal_mode")).ShouldBe("wal");
        (await ScalarAsync(db, "PRAGMA busy_timeout")).ShouldBe("30000");
        // NORMAL = 1: one fsync per checkpoint, safe under WAL.
        (await ScalarAsync(db, "PRAGMA synchronous")).ShouldBe("1");
    }

    [Fact]
    public async Task ATransaction_TakesTheWriteLockWhenItBegins_SoItNeverUpgradesARead()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Another connection that waits one second at most: a deferred BEGIN would leave the lock free.
        await using var other = new SqliteConnection(database.Settings.ConnectionString);
        await other.OpenAsync();
        await using var probe = other.CreateCommand();
        probe.CommandTimeout = 1;
        probe.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE;";
        var refused = await Should.ThrowAsync<SqliteException>(() => probe.ExecuteNonQueryAsync());
        refused.SqliteErrorCode.ShouldBe(5);
    }

    private static async Task<string?> ScalarAsync(FangkongDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
