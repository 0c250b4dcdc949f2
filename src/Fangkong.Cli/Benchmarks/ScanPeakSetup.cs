using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Persons;
using Fangkong.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The database a scan-peak run starts from (residents, a sampler's account, the registered
/// sampling points and an open round), and what it holds at the end, counted against what the
/// clients were told was recorded.
/// </summary>
internal static class ScanPeakSetup
{
    public const string UserName = "bench-sampler";

    public const string Password = "Swab-Peak-Kx7-2022";

    public sealed record Prepared(long RoundId, IReadOnlyList<string> Documents);

    public sealed record Count(long Stored, long Lost, long Duplicated, long StoredNotAcknowledged, long TubesMiscounted);

    public static string PointName(int point) => $"压力测试第{point + 1}采样点";

    public static async Task<Prepared> PrepareAsync(DatabaseSettings settings, int people, int points, Action<string> log, CancellationToken ct)
    {
        var population = await BenchPopulation.ForAsync(settings, ct);
        await using var services = CliServices.Build(settings);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
        var db = sp.GetRequiredService<FangkongDbContext>();
        await population.SeedAsync(db, ct);
        log($"loading {people:N0} residents");
        await PersonBulkLoader.LoadAsync(db, new DemoPopulation(DemoSetup.County).Generate(population.Communities, people), null, ct);
        var user = await AddUser.HandleAsync(
            db, sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(),
            new AddUser.Command(UserName, Password, Roles.Sampler, DemoSetup.County, "压力测试采样员"), ct);
        if (!user.IsSuccess)
        {
            throw new InvalidOperationException($"The sampler's account: {user.Error!.Message}");
        }

        // The registered points, spread over the communities, open all day.
        var communities = population.Communities.Select(c => c.Code).ToArray();
        await BenchSql.ExecuteAsync(db,
            "INSERT INTO sampling_points (region_code, name, kind, opens_at, closes_at) " +
            "SELECT (@communities::text[])[1 + (i % cardinality(@communities::text[]))], format('压力测试第%s采样点', i + 1), 'Fixed', time '00:00', time '23:59' FROM generate_series(0, @n - 1) AS i",
            ct, ("communities", communities), ("n", points));
        var round = await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("压力测试轮次", DemoSetup.County, 10, null, TimeSpan.FromDays(1)), ct);
        await BenchSql.ExecuteAsync(db, "ANALYZE", ct);
        var documents = await db.Persons.AsNoTracking().OrderBy(p => p.Id).Select(p => p.DocumentNumber).ToListAsync(ct);
        return new Prepared(round.Value!.Id, documents);
    }

    /// <summary>The swabs in the round, against the client ids the clients were told were recorded.</summary>
    public static async Task<Count> CountAsync(string connectionString, long roundId, IReadOnlyCollection<string> acknowledged, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        var stored = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("SELECT client_id, count(*)::int FROM samples WHERE round_id = @round GROUP BY client_id", connection))
        {
            command.Parameters.AddWithValue("round", roundId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                stored[reader.GetString(0)] = reader.GetInt32(1);
            }
        }

        // A person twice in one tube would also be a duplicate (the same swab under two ids).
        long twice;
        await using (var command = new NpgsqlCommand(
            "SELECT COALESCE(sum(n - 1), 0)::bigint FROM (SELECT count(*) AS n FROM samples WHERE round_id = @round GROUP BY tube_id, document_number HAVING count(*) > 1) AS d", connection))
        {
            command.Parameters.AddWithValue("round", roundId);
            twice = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        long miscounted;
        await using (var command = new NpgsqlCommand(
            "SELECT count(*) FROM tubes t WHERE t.round_id = @round AND t.sample_count <> (SELECT count(*) FROM samples s WHERE s.round_id = @round AND s.tube_id = t.id)", connection))
        {
            command.Parameters.AddWithValue("round", roundId);
            miscounted = (long)(await command.ExecuteScalarAsync(ct))!;
        }

        var sent = acknowledged.ToHashSet(StringComparer.Ordinal);
        return new Count(
            stored.Values.Sum(n => (long)n),
            sent.LongCount(id => !stored.ContainsKey(id)),
            stored.Values.Sum(n => (long)n - 1) + twice,
            stored.Keys.LongCount(id => !sent.Contains(id)),
            miscounted);
    }
}
