using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// On PostgreSQL the swabs of each round live in a partition of their own (migration 0135,
/// docs/decisions/0021-samples-partitioned-by-round.md): a province-wide round adds tens of
/// millions of rows, and a round's scans, coverage and pool tracing then touch only its own
/// table and indexes. The partition is made with the round, in the round's transaction, before
/// any swab can arrive. SQLite has no partitions and needs nothing.
/// </summary>
internal static class SamplePartitions
{
    public static string NameOf(long roundId) => $"samples_r{roundId}";

    public static async Task CreateAsync(FangkongDbContext db, long roundId, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        // The id is a number from the database, never user text, so it can be spelled into the DDL
        // (identifiers and partition bounds take no parameters).
        var sql = $"CREATE TABLE IF NOT EXISTS {NameOf(roundId)} PARTITION OF samples FOR VALUES IN ({roundId})";
#pragma warning disable EF1002 // DDL cannot be parameterised; roundId is a long (see above).
        await db.Database.ExecuteSqlRawAsync(sql, ct);
#pragma warning restore EF1002
    }
}
