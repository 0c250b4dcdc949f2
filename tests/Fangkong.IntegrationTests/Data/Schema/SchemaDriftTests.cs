using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// The hand-written migrations of each provider build exactly the schema the EF model expects:
/// tables, columns (type, length, nullability), primary keys, indexes, unique indexes and
/// foreign keys (docs/decisions/0025-schema-drift-and-foreign-keys.md).
/// </summary>
public sealed class SchemaDriftTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Schema_AfterAllMigrations_MatchesTheModel(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var differences = await SchemaDrift.FindAsync(db);

        differences.ShouldBeEmpty(Report(provider, differences));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task KnownDeviations_EachStillOccurs(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var all = await SchemaDrift.FindAsync(db, withKnown: true);

        KnownDeviations.For(provider).Except(all).ShouldBeEmpty("a known deviation no longer occurs: remove it from KnownDeviations");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Schema_ChangedBehindTheModel_EveryDifferenceIsReportedAtOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SchemaSabotage.ApplyAsync(db);

        var differences = await SchemaDrift.FindAsync(db);

        // The message the drift test gives for this schema, for a reader of the test log.
        output.WriteLine(Report(provider, differences));
        var integer = provider == DatabaseProvider.Sqlite ? "INTEGER" : "integer";
        differences.ShouldContain("home_check_ins.recorded_by: model says NOT NULL, database says NULL", Report(provider, differences));
        differences.ShouldContain("home_check_ins.symptoms: model says NULL, database says NOT NULL");
        differences.ShouldContain(d => d.StartsWith("home_check_ins.temperature: model says type ", StringComparison.Ordinal));
        differences.ShouldContain($"home_check_ins.stray: database has {integer} NULL, model maps no such column");
        differences.ShouldContain("home_check_ins: model says index (region_code) ix_home_check_ins_region_code, database has none");
        differences.ShouldContain("home_check_ins: model says unique index (watch_id, day) ix_home_check_ins_watch_id_day, database has index (watch_id, day) ix_home_check_ins_watch_id_day");
        differences.ShouldContain("home_check_ins(watch_id): model says foreign key (watch_id) -> home_watches (id) on delete cascade, database has none");
        if (provider == DatabaseProvider.Postgres)
        {
            differences.ShouldContain("home_check_ins.recorded_by: model says max length 256, database says 300");
        }
    }

    private static string Report(DatabaseProvider provider, List<string> differences) =>
        $"{differences.Count} difference(s) between the EF model and the migrated {provider} schema:{Environment.NewLine}" +
        string.Join(Environment.NewLine, differences);
}
