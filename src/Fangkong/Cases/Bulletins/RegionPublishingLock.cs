using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fangkong.Cases.Bulletins;

/// <summary>
/// Publishing for one region, one request at a time, until the caller's transaction ends: a
/// transaction-scoped advisory lock on PostgreSQL; on SQLite the transaction itself, which begins
/// IMMEDIATE and so already holds the database's one writer lock.
/// </summary>
internal static class RegionPublishingLock
{
    /// <summary>The first key of the two-key lock space: "a region's bulletins", apart from other advisory locks.</summary>
    private const int BulletinSpace = 0x42554C4C; // "BULL"

    public static async Task TakeAsync(FangkongDbContext db, string regionCode, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is not NpgsqlConnection)
        {
            return;
        }

        // hashtext may map two regions to one key: they then take turns needlessly, never wrongly.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BulletinSpace}, hashtext({regionCode}))", ct);
    }
}
