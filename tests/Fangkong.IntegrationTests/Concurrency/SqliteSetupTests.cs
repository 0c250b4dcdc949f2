using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// The embedded database is set up for many users (docs/decisions/0018-concurrency.md): WAL
/// and a busy timeout on every connection.
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

    private static async Task<string?> ScalarAsync(FangkongDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
