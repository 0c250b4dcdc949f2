using System.Diagnostics;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench bulletin</c>: the daily bulletin of Jilin province over a fresh database holding the
/// province's real regions, N cases and M contacts spread over its communities and 50 days. The
/// data is written directly in SQL (the set-up is not what is measured); the bulletin is built
/// as the CLI and the API build it, once cold and then the given number of runs (median reported).
/// </summary>
internal static class BulletinBenchmark
{
    public sealed record Report(
        string Name, string Provider, int Cases, int Contacts, string Date, int Runs, double Seconds, double FirstSeconds, IReadOnlyList<double> RunSeconds,
        int NewConfirmed, int NewAsymptomatic, int CloseContacts, double SetupSeconds, int Processors);

    private static readonly DateOnly Day = new(2022, 3, 26);

    public static async Task<Report> RunAsync(DatabaseSettings chosen, int cases, int contacts, int runs, Action<string> log, CancellationToken ct)
    {
        await using var fresh = await BenchDatabase.CreateAsync(chosen, 0, ct);
        await using var services = CliServices.Build(fresh.Settings);
        var setup = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
            var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
            await EnsureReferenceData.EnsureJilinAsync(db, ct);
            log($"writing {cases:N0} cases and {contacts:N0} contacts");
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var postgres = chosen.Provider == DatabaseProvider.Postgres;
            // A numbered, indexed copy of the communities, so that each generated row finds its own by number.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_communities AS SELECT code, ROW_NUMBER() OVER (ORDER BY code) AS n FROM regions WHERE level = 'Community'", ct);
            await db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX ix_bench_communities_n ON bench_communities (n)", ct);
            var total = await db.Regions.CountAsync(r => r.Level == RegionLevel.Community, ct);
            await db.Database.ExecuteSqlRawAsync(CasesSql(postgres, cases, total), ct);
            await db.Database.ExecuteSqlRawAsync(ContactsSql(postgres, contacts, total), ct);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE bench_communities", ct);
            // As autovacuum would have by then: statistics, and on PostgreSQL the visibility map that index-only scans need.
            await db.Database.ExecuteSqlRawAsync(postgres ? "VACUUM ANALYZE" : "ANALYZE", ct);
        }

        setup.Stop();
        var seconds = new List<double>();
        DailyBulletin? bulletin = null;
        for (var run = 0; run <= runs; run++)
        {
            await using var request = services.CreateAsyncScope();
            var db = request.ServiceProvider.GetRequiredService<FangkongDbContext>();
            var started = Stopwatch.GetTimestamp();
            var built = await BuildDailyBulletin.HandleAsync(db, "22", Day, ct);
            _ = BulletinTextZh.Render(built.Value ?? throw new InvalidOperationException(built.Error!.Message));
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            bulletin = built.Value;
        }

        var measured = seconds.Skip(1).Order().ToList();
        return new Report(
            "bulletin", chosen.Provider.ToString(), cases, contacts, Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), runs,
            measured.Count == 0 ? seconds[0] : measured[measured.Count / 2], seconds[0], seconds.Skip(1).ToList(),
            bulletin!.NewConfirmed.Total, bulletin.NewAsymptomatic.Total, bulletin.ContactsToDate.Close, setup.Elapsed.TotalSeconds, Environment.ProcessorCount);
    }

    // Rows i = 1..N: every other one confirmed (severities in a 3:1:1:1 mix), one in ten confirmed
    // a conversion, a report date among 50 days (pairs of rows share one), a third with an outcome; communities in a fixed
    // scatter. PostgreSQL counts with generate_series, SQLite with a recursive CTE.
    private static string Numbers(bool postgres, int n) => postgres
        ? $"SELECT i FROM generate_series(1::bigint, {n}) AS g(i)"
        : $"WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < {n}) SELECT i FROM g";

    private static string Date(bool postgres, string start, string days) => postgres
        ? $"(DATE '{start}' + ({days})::int)"
        : $"date('{start}', '+' || ({days}) || ' days')";

    private static string CasesSql(bool postgres, int n, int communities) => $"""
        INSERT INTO cases (case_no, name, id_number, region_code, type, severity, reported_severity, reported_on, source, converted_from_case_no, outcome, outcome_on)
        SELECT 'B' || s.i, '病例', '', c.code,
            CASE WHEN s.i % 2 = 0 THEN 'Confirmed' ELSE 'Asymptomatic' END,
            CASE WHEN s.i % 2 = 0 THEN CASE s.i % 12 WHEN 0 THEN 'Critical' WHEN 2 THEN 'Severe' WHEN 4 THEN 'Moderate' ELSE 'Mild' END END,
            CASE WHEN s.i % 2 = 0 THEN CASE s.i % 12 WHEN 0 THEN 'Critical' WHEN 2 THEN 'Severe' WHEN 4 THEN 'Moderate' ELSE 'Mild' END END,
            {Date(postgres, "2022-03-01", "(s.i / 2) % 50")}, 'LineList',
            CASE WHEN s.i % 20 = 0 THEN 'B' || (s.i - 1) END,
            CASE WHEN s.i % 3 = 0 THEN CASE WHEN s.i % 2 = 0 THEN 'Discharged' ELSE 'Released' END END,
            CASE WHEN s.i % 3 = 0 THEN {Date(postgres, "2022-03-15", "s.i % 40")} END
        FROM ({Numbers(postgres, n)}) AS s
        JOIN bench_communities AS c ON c.n = 1 + (s.i * 7919) % {communities}
        """;

    private static string ContactsSql(bool postgres, int n, int communities) => $"""
        INSERT INTO contacts (contact_no, kind, source_case_no, source_contact_no, id_number, name, region_code, exposure_on, identified_on, released_on,
            policy_version_id, quarantine_place, central_days, home_days, central_test_days, home_test_days)
        SELECT 'K' || s.i, CASE WHEN s.i % 2 = 0 THEN 'Close' ELSE 'Secondary' END,
            CASE WHEN s.i % 2 = 0 THEN 'B1' END, CASE WHEN s.i % 2 = 1 THEN 'K2' END, '', '密接', c.code, NULL,
            {Date(postgres, "2022-03-01", "s.i % 50")},
            CASE WHEN s.i % 3 = 0 THEN {Date(postgres, "2022-03-10", "s.i % 50")} END,
            (SELECT id FROM policy_versions WHERE code = 'national-8'), 'Central', 14, 7, '1,4,7,14', ''
        FROM ({Numbers(postgres, n)}) AS s
        JOIN bench_communities AS c ON c.n = 1 + (s.i * 104729) % {communities}
        """;
}
