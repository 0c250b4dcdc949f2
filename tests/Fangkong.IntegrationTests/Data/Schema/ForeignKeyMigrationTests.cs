using System.Globalization;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// Migration 0150 adds the foreign keys of ADR 0025 to a database that already holds data: it
/// keeps every row (SQLite rebuilds 25 tables to do it), and refuses, changing nothing, a
/// database holding a reference to a missing row.
/// </summary>
public sealed class ForeignKeyMigrationTests(ITestOutputHelper output)
{
    /// <summary>Every migration numbered before 0150_foreign_keys (versions compare as text).</summary>
    private const string BeforeKeys = "0150";

    private const string Keys = "0150_foreign_keys";

    // The tables 0150 rebuilds on SQLite, and samples: it references tubes with ON DELETE CASCADE,
    // so a rebuild of tubes with enforcement on would empty it.
    private static readonly string[] Counted =
    [
        "area_designations", "cluster_events", "clusters", "community_alerts", "confirmation_tasks", "control_orders",
        "positive_persons", "resample_tasks", "tubes", "sampling_points", "findings", "inspection_results", "inspections",
        "pass_events", "passes", "pass_quotas", "public_notice_items", "placements", "space_turnovers", "stay_tests",
        "transfer_batches", "transfer_tasks", "closed_loop_groups", "investigation_itinerary", "organisations", "samples",
    ];

    // An event of pass 424242, which was never issued (times: UTC milliseconds on SQLite).
    private const string DanglingEventSqlite =
        "INSERT INTO pass_events (pass_id, region_code, action, \"by\", \"at\") VALUES (424242, '220204003001', 'Issued', 'test', 0)";

    private const string DanglingEventPostgres =
        "INSERT INTO pass_events (pass_id, region_code, action, \"by\", \"at\") VALUES (424242, '220204003001', 'Issued', 'test', now())";

    // The demo is made by today's code at the latest schema and copied into a database at 0140
    // (OldSchemaCopy): today's demo reads tables 0160–0162 add, so it cannot be seeded there.
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrate0150_OverTheDemo_KeepsEveryRowAndAddsTheKeys(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, upTo: BeforeKeys);
        await using (var today = await TestDatabase.CreateAsync(provider))
        {
            await SeedDemoAsync(today);
            await OldSchemaCopy.CopyAsync(today, database);
        }

        var rows = await CountAsync(database);
        var counters = await AutoincrementCountersAsync(database);
        foreach (var table in new[] { "tubes", "samples", "control_orders", "placements", "pass_events", "clusters", "transfer_tasks" })
        {
            rows[table].ShouldBeGreaterThan(0, $"the demo should fill {table}, or this test proves nothing about it");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var applied = await database.MigrateAsync();
        output.WriteLine($"{Keys} on {provider} over the demo ({rows.Values.Sum()} rows in the counted tables): {clock.ElapsedMilliseconds} ms");

        // 0150 first, then the migrations numbered after it (the schema compared below is the latest).
        applied[0].ShouldBe(Keys);
        (await CountAsync(database)).ShouldBe(rows);
        // Tables later migrations add (and fill) have counters of their own; those that were there keep theirs.
        var after = await AutoincrementCountersAsync(database);
        new SortedDictionary<string, long>(after.Where(c => counters.ContainsKey(c.Key)).ToDictionary(), StringComparer.Ordinal).ShouldBe(counters);
        var drift = await SchemaDrift.FindAsync(database);
        drift.ShouldBeEmpty(string.Join(Environment.NewLine, drift));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrate0150_ReferenceToAMissingRow_IsRefusedAndChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, upTo: BeforeKeys);
        var insert = provider == DatabaseProvider.Sqlite ? DanglingEventSqlite : DanglingEventPostgres;
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(insert);
        }

        var refused = await RefusalAsync(() => database.MigrateAsync());

        refused.ShouldContain(provider == DatabaseProvider.Sqlite ? "pass_events row 1 -> passes" : "fk_pass_events_passes_pass_id");
        await using (var db = database.NewContext())
        {
            (await new Migrator(db, database.Settings, NullLogger<Migrator>.Instance).AppliedAsync()).ShouldNotContain(Keys);
            (await db.PassEvents.CountAsync()).ShouldBe(1);
        }

        (await SchemaDrift.FindAsync(database)).ShouldContain(
            "pass_events(pass_id): model says foreign key (pass_id) -> passes (id) on delete refuse, database has none");
    }

    private static async Task<string> RefusalAsync(Func<Task> migrate)
    {
        try
        {
            await migrate();
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            return e.Message;
        }

        throw new ShouldAssertException("the migration should have been refused");
    }

    /// <summary>
    /// The demo's steps that need no user accounts: DemoSetup.RunAsync less DemoUsers and the
    /// supervision and accountability steps, which act as demo users.
    /// </summary>
    private static async Task SeedDemoAsync(TestDatabase database)
    {
        await DemoGround.SeedAsync(database);
        await DemoGround.SeedLaterStepsAsync(database, withUsers: false);
    }

    private static async Task<Dictionary<string, long>> CountAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Counted)
        {
            var rows = await CatalogueQuery.ListAsync(connection, $"SELECT count(*) FROM \"{table}\"", r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture));
            counts[table] = rows.Single();
        }

        return counts;
    }

    /// <summary>SQLite's AUTOINCREMENT counters (ids are never reused); PostgreSQL's identity sequences are not touched by 0150.</summary>
    private static async Task<SortedDictionary<string, long>> AutoincrementCountersAsync(TestDatabase database)
    {
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            return [];
        }

        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        return (await CatalogueQuery.ListAsync(connection, "SELECT name, seq FROM sqlite_sequence", r => (Name: r.GetString(0), Seq: r.GetInt64(1))))
            .Aggregate(new SortedDictionary<string, long>(StringComparer.Ordinal), (all, r) =>
            {
                all.Add(r.Name, r.Seq);
                return all;
            });
    }
}
