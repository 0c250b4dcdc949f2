using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Fangkong.Testing.Tallies;

/// <summary>
/// SQLite: the transaction holds the database's one writer lock, so no other batch runs between
/// the flag statements and the increments; one prepared statement per person or region.
/// </summary>
internal sealed class SqliteRoundTallySql(SqliteConnection connection, SqliteTransaction transaction) : RoundTallySql
{
    public override async Task<List<Flipped>> SetFlagAsync(Flag flag, Flag other, IReadOnlyList<RoundTallyWriter.Touch> people, CancellationToken ct)
    {
        var (column, returned) = (Column(flag), Column(other));
        var (sampled, exempted) = (flag == Flag.Sampled ? 1 : 0, flag == Flag.Exempted ? 1 : 0);
        await using var command = new SqliteCommand(
            $"""
            INSERT INTO round_people (round_id, person_id, region_code, sampled, exempted, resulted, positive)
            VALUES ($round, $person, $region, {sampled}, {exempted}, 0, 0)
            ON CONFLICT (round_id, person_id) DO UPDATE SET {column} = 1 WHERE NOT round_people.{column}
            RETURNING round_id, region_code, {returned}
            """,
            connection,
            transaction);
        var round = command.Parameters.Add("$round", SqliteType.Integer);
        var person = command.Parameters.Add("$person", SqliteType.Integer);
        var region = command.Parameters.Add("$region", SqliteType.Text);
        command.Prepare();
        var flipped = new List<Flipped>();
        foreach (var p in people)
        {
            (round.Value, person.Value, region.Value) = (p.RoundId, p.PersonId, p.RegionCode);
            flipped.AddRange(await ReadAsync(command, withOther: true, ct));
        }

        return flipped;
    }

    public override async Task<List<Flipped>> ClearExemptedAsync(long roundId, long personId, CancellationToken ct)
    {
        await using var command = new SqliteCommand(
            "UPDATE round_people SET exempted = 0 WHERE round_id = $round AND person_id = $person AND exempted RETURNING round_id, region_code, sampled",
            connection,
            transaction);
        command.Parameters.AddWithValue("$round", roundId);
        command.Parameters.AddWithValue("$person", personId);
        return await ReadAsync(command, withOther: true, ct);
    }

    public override async Task<List<Flipped>> SetMembersFlagAsync(Flag flag, long roundId, long[] tubeIds, CancellationToken ct)
    {
        var column = Column(flag);
        await using var command = new SqliteCommand(
            $"""
            UPDATE round_people SET {column} = 1
            WHERE round_id = $round AND NOT {column} AND person_id IN (
                SELECT s.person_id FROM samples s
                WHERE s.round_id = $round AND s.tube_id IN (SELECT value FROM json_each($tubes)) AND s.person_id IS NOT NULL)
            RETURNING round_id, region_code
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("$round", roundId);
        command.Parameters.AddWithValue("$tubes", JsonSerializer.Serialize(tubeIds));
        return await ReadAsync(command, withOther: false, ct);
    }

    public override async Task AddAsync(IReadOnlyList<Delta> deltas, CancellationToken ct)
    {
        await using var command = new SqliteCommand(
            """
            INSERT INTO round_tallies (round_id, region_code, sampled, resulted, positive, exempted)
            VALUES ($round, $region, $sampled, $resulted, $positive, $exempted)
            ON CONFLICT (round_id, region_code) DO UPDATE SET
                sampled = sampled + excluded.sampled, resulted = resulted + excluded.resulted,
                positive = positive + excluded.positive, exempted = exempted + excluded.exempted
            """,
            connection,
            transaction);
        var p = new[] { "$round", "$region", "$sampled", "$resulted", "$positive", "$exempted" }
            .Select(n => command.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        command.Prepare();
        foreach (var d in deltas)
        {
            (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value, p[5].Value) = (d.RoundId, d.RegionCode, d.Sampled, d.Resulted, d.Positive, d.Exempted);
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
