using System.Data.Common;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Fangkong.Testing.Tallies;

/// <summary>
/// The statements of <see cref="RoundTallyWriter"/> on one provider, run on the context's
/// connection inside its current transaction (they must commit or roll back with the change they count).
/// </summary>
internal abstract class RoundTallySql
{
    public static RoundTallySql For(FangkongDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Round tallies are written inside the transaction of the change they count.");
        return connection is NpgsqlConnection npgsql
            ? new PostgresRoundTallySql(npgsql)
            : new SqliteRoundTallySql((SqliteConnection)connection, (SqliteTransaction)transaction);
    }

    /// <summary>Sets <paramref name="flag"/> of the people (inserting their row when new); returns those whose flag was unset, with <paramref name="other"/>.</summary>
    public abstract Task<List<Flipped>> SetFlagAsync(Flag flag, Flag other, IReadOnlyList<RoundTallyWriter.Touch> people, CancellationToken ct);

    /// <summary>Clears the exempted flag of one person; returns the row if it was set, with its sampled flag.</summary>
    public abstract Task<List<Flipped>> ClearExemptedAsync(long roundId, long personId, CancellationToken ct);

    /// <summary>Sets <paramref name="flag"/> of the registered people swabbed into <paramref name="tubeIds"/> where it was unset; returns them.</summary>
    public abstract Task<List<Flipped>> SetMembersFlagAsync(Flag flag, long roundId, long[] tubeIds, CancellationToken ct);

    /// <summary>Adds the deltas to the tallies, creating rows as needed.</summary>
    public abstract Task AddAsync(IReadOnlyList<Delta> deltas, CancellationToken ct);

    protected static string Column(Flag flag) => flag switch
    {
        Flag.Sampled => "sampled",
        Flag.Exempted => "exempted",
        Flag.Resulted => "resulted",
        Flag.Positive => "positive",
        _ => throw new ArgumentOutOfRangeException(nameof(flag)),
    };

    protected static async Task<List<Flipped>> ReadAsync(DbCommand command, bool withOther, CancellationToken ct)
    {
        var rows = new List<Flipped>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new Flipped(reader.GetInt64(0), reader.GetString(1), withOther && reader.GetBoolean(2)));
        }

        return rows;
    }
}
