using Npgsql;

namespace Fangkong.Testing.Tallies;

/// <summary>
/// PostgreSQL: one statement per step over arrays. An upsert that meets a row another transaction
/// has just inserted or flagged waits for it, then re-checks its <c>WHERE NOT flag</c> on the
/// committed row (READ COMMITTED), so only one of two concurrent batches counts a person.
/// </summary>
internal sealed class PostgresRoundTallySql(NpgsqlConnection connection) : RoundTallySql
{
    public override async Task<List<Flipped>> SetFlagAsync(Flag flag, Flag other, IReadOnlyList<RoundTallyWriter.Touch> people, CancellationToken ct)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var (column, returned) = (Column(flag), Column(other));
        var (sampled, exempted) = (flag == Flag.Sampled ? "true" : "false", flag == Flag.Exempted ? "true" : "false");
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO round_people AS rp (round_id, person_id, region_code, sampled, exempted, resulted, positive)
            SELECT b.round_id, b.person_id, b.region_code, {sampled}, {exempted}, false, false
            FROM unnest(@rounds, @persons, @regions) AS b(round_id, person_id, region_code)
            ORDER BY b.round_id, b.person_id
            ON CONFLICT (round_id, person_id) DO UPDATE SET {column} = true WHERE NOT rp.{column}
            RETURNING rp.round_id, rp.region_code, rp.{returned}
            """,
            connection);
        command.Parameters.AddWithValue("rounds", people.Select(p => p.RoundId).ToArray());
        command.Parameters.AddWithValue("persons", people.Select(p => p.PersonId).ToArray());
        command.Parameters.AddWithValue("regions", people.Select(p => p.RegionCode).ToArray());
        return await ReadAsync(command, withOther: true, ct);
    }

    public override async Task<List<Flipped>> ClearExemptedAsync(long roundId, long personId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE round_people SET exempted = false WHERE round_id = @round AND person_id = @person AND exempted RETURNING round_id, region_code, sampled",
            connection);
        command.Parameters.AddWithValue("round", roundId);
        command.Parameters.AddWithValue("person", personId);
        return await ReadAsync(command, withOther: true, ct);
    }

    public override async Task<List<Flipped>> SetMembersFlagAsync(Flag flag, long roundId, long[] tubeIds, CancellationToken ct)
    {
        var column = Column(flag);
        await using var command = new NpgsqlCommand(
            $"""
            UPDATE round_people AS rp SET {column} = true
            WHERE rp.round_id = @round AND NOT rp.{column} AND rp.person_id IN (
                SELECT s.person_id FROM samples s WHERE s.round_id = @round AND s.tube_id = ANY(@tubes) AND s.person_id IS NOT NULL)
            RETURNING rp.round_id, rp.region_code
            """,
            connection);
        command.Parameters.AddWithValue("round", roundId);
        command.Parameters.AddWithValue("tubes", tubeIds);
        return await ReadAsync(command, withOther: false, ct);
    }

    public override async Task AddAsync(IReadOnlyList<Delta> deltas, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO round_tallies AS t (round_id, region_code, sampled, resulted, positive, exempted)
            SELECT * FROM unnest(@rounds, @regions, @sampled, @resulted, @positive, @exempted)
            ON CONFLICT (round_id, region_code) DO UPDATE SET
                sampled = t.sampled + excluded.sampled, resulted = t.resulted + excluded.resulted,
                positive = t.positive + excluded.positive, exempted = t.exempted + excluded.exempted
            """,
            connection);
        command.Parameters.AddWithValue("rounds", deltas.Select(d => d.RoundId).ToArray());
        command.Parameters.AddWithValue("regions", deltas.Select(d => d.RegionCode).ToArray());
        command.Parameters.AddWithValue("sampled", deltas.Select(d => d.Sampled).ToArray());
        command.Parameters.AddWithValue("resulted", deltas.Select(d => d.Resulted).ToArray());
        command.Parameters.AddWithValue("positive", deltas.Select(d => d.Positive).ToArray());
        command.Parameters.AddWithValue("exempted", deltas.Select(d => d.Exempted).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }
}
