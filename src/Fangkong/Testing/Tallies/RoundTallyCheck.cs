using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing.Tallies;

/// <summary>
/// Recounts rounds from their swabs, tubes and exemptions and compares the recount with the
/// maintained <see cref="RoundPerson"/> rows and <see cref="RoundTally"/> figures
/// (<c>fangkong db verify-aggregates</c>, and the tests after every kind of write); rebuilds a
/// round's tallies from the recount for tools that wrote swabs with raw SQL (benchmarks).
/// The statements are the same on both providers (flags recounted as 0/1 integers).
/// </summary>
public static class RoundTallyCheck
{
    /// <summary>What differs: people whose flags differ from the recount, tally rows that differ from the sum of the people, and the first lines of each.</summary>
    public sealed record Report(long PeopleDiffering, long TalliesDiffering, IReadOnlyList<string> Examples)
    {
        public bool Consistent => PeopleDiffering == 0 && TalliesDiffering == 0;
    }

    /// <summary>Each registered person touched in a round, with 0/1 flags, from the source tables.</summary>
    private const string Recount = """
        SELECT round_id, person_id, region_code, sampled, exempted, resulted, positive FROM (
            SELECT s.round_id, s.person_id, s.person_region_code AS region_code, 1 AS sampled, 0 AS exempted,
                   CASE WHEN t.result IN ('Negative', 'Positive') THEN 1 ELSE 0 END AS resulted,
                   CASE WHEN t.result = 'Positive' THEN 1 ELSE 0 END AS positive
            FROM samples s JOIN tubes t ON t.id = s.tube_id
            WHERE s.person_id IS NOT NULL AND s.person_region_code IS NOT NULL AND s.round_id BETWEEN {0} AND {1}
            UNION ALL
            SELECT e.round_id, e.person_id, e.region_code, 0, 1, 0, 0
            FROM round_exemptions e WHERE e.round_id BETWEEN {0} AND {1}
        ) touched
        """;

    private const string RecountedPeople = $"""
        SELECT round_id, person_id, max(sampled) AS sampled, max(exempted) AS exempted, max(resulted) AS resulted, max(positive) AS positive
        FROM ({Recount}) r GROUP BY round_id, person_id
        """;

    // A row whose exemption was taken back, never swabbed, stays with no flag set: it says nothing.
    private const string StoredPeople = """
        SELECT round_id, person_id, CASE WHEN sampled THEN 1 ELSE 0 END AS sampled, CASE WHEN exempted THEN 1 ELSE 0 END AS exempted,
               CASE WHEN resulted THEN 1 ELSE 0 END AS resulted, CASE WHEN positive THEN 1 ELSE 0 END AS positive
        FROM round_people WHERE round_id BETWEEN {0} AND {1} AND (sampled OR exempted)
        """;

    private const string SummedPeople = """
        SELECT round_id, region_code, sum(CASE WHEN sampled THEN 1 ELSE 0 END) AS sampled, sum(CASE WHEN resulted THEN 1 ELSE 0 END) AS resulted,
               sum(CASE WHEN positive THEN 1 ELSE 0 END) AS positive, sum(CASE WHEN exempted AND NOT sampled THEN 1 ELSE 0 END) AS exempted
        FROM round_people WHERE round_id BETWEEN {0} AND {1} GROUP BY round_id, region_code
        """;

    private const string StoredTallies = """
        SELECT round_id, region_code, sampled, resulted, positive, exempted FROM round_tallies WHERE round_id BETWEEN {0} AND {1}
        """;

    /// <summary>Compares one round (or all, when <paramref name="roundId"/> is null) with a recount.</summary>
    public static async Task<Report> VerifyAsync(FangkongDbContext db, long? roundId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        object[] range = [roundId ?? 0, roundId ?? long.MaxValue];
        var people = await DifferencesAsync(db, RecountedPeople, StoredPeople, "person", range, ct);

        // Rows whose figures are all zero (an exemption added and taken back) say nothing either way.
        var nonZero = "WHERE sampled <> 0 OR resulted <> 0 OR positive <> 0 OR exempted <> 0";
        var tallies = await DifferencesAsync(db, $"SELECT * FROM ({SummedPeople}) a {nonZero}", $"SELECT * FROM ({StoredTallies}) b {nonZero}", "tally", range, ct);
        return new Report(people.Count, tallies.Count, [.. people.Examples, .. tallies.Examples]);
    }

    /// <summary>Replaces a round's maintained rows with a recount, in one transaction.</summary>
    public static async Task RebuildAsync(FangkongDbContext db, long roundId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        object[] range = [roundId, roundId];
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM round_tallies WHERE round_id BETWEEN {0} AND {1}", range, ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM round_people WHERE round_id BETWEEN {0} AND {1}", range, ct);
        await db.Database.ExecuteSqlRawAsync(
            $"""
            INSERT INTO round_people (round_id, person_id, region_code, sampled, exempted, resulted, positive)
            SELECT round_id, person_id, COALESCE(min(CASE WHEN sampled = 1 THEN region_code END), min(region_code)),
                   max(sampled) = 1, max(exempted) = 1, max(resulted) = 1, max(positive) = 1
            FROM ({Recount}) r GROUP BY round_id, person_id
            """,
            range,
            ct);
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO round_tallies (round_id, region_code, sampled, resulted, positive, exempted) {SummedPeople}", range, ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task<(long Count, List<string> Examples)> DifferencesAsync(
        FangkongDbContext db, string expected, string stored, string what, object[] range, CancellationToken ct)
    {
        // Both directions: rows missing or wrong in the maintained table, and rows it has that the recount has not.
        var missing = $"SELECT * FROM (SELECT * FROM ({expected}) e EXCEPT SELECT * FROM ({stored}) s) m";
        var extra = $"SELECT * FROM (SELECT * FROM ({stored}) s EXCEPT SELECT * FROM ({expected}) e) x";
        var examples = new List<string>();
        long count = 0;
        foreach (var (label, sql) in new[] { ("recount", missing), ("stored", extra) })
        {
            // The statements are assembled from the constants above only; the round range is a parameter.
            var countQuery = $"SELECT count(*) AS \"Value\" FROM ({sql}) d";
            count += await db.Database.SqlQueryRaw<long>(countQuery, range).SingleAsync(ct);
            var linesQuery =
                $"SELECT CAST(round_id AS TEXT) || ' ' || CAST({(what == "person" ? "person_id" : "region_code")} AS TEXT) || ': ' || CAST(sampled AS TEXT) || '/' || CAST(resulted AS TEXT) || '/' || CAST(positive AS TEXT) || '/' || CAST(exempted AS TEXT) AS \"Value\" FROM ({sql}) d ORDER BY 1 LIMIT 5";
            var lines = await db.Database.SqlQueryRaw<string>(linesQuery, range).ToListAsync(ct);
            examples.AddRange(lines.Select(l => $"{what} {label} {l} (sampled/resulted/positive/exempted)"));
        }

        return (count, examples);
    }
}
