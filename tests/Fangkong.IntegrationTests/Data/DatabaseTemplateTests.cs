using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fangkong.IntegrationTests.Data;

/// <summary>A test's database is a copy of a migrated template: it must be exactly what migrating gives.</summary>
public sealed class DatabaseTemplateTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CopiedDatabase_HasEveryMigrationApplied_AndNothingLeftToApply(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.NewContext();

        (await new Migrator(context, db.Settings, NullLogger<Migrator>.Instance).AppliedAsync())
            .Order(StringComparer.Ordinal).ShouldBe(Migrator.Available(provider).Select(m => m.Version));
        (await db.MigrateAsync()).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CopiedDatabases_AreIndependent(DatabaseProvider provider)
    {
        await using var first = await TestDatabase.CreateAsync(provider);
        await using var second = await TestDatabase.CreateAsync(provider);
        await using (var db = first.NewContext())
        {
            db.Regions.Add(new Region(RegionCode.Parse("22"), "吉林省"));
            await db.SaveChangesAsync();
        }

        await using var other = second.NewContext();
        other.Regions.Count().ShouldBe(0);
    }

    [Fact]
    public void TemplateName_ChangesWithAnyMigrationText_AndOnlyThen()
    {
        var migrations = Migrator.Available(DatabaseProvider.Sqlite);
        var name = TemplateName.For(DatabaseProvider.Sqlite, migrations);
        var edited = migrations.Take(migrations.Count - 1).Append(migrations[^1] with { Sql = migrations[^1].Sql + "\n-- edited" });
        var added = migrations.Append(new Migration("9999_next", "SELECT 1;"));

        TemplateName.For(DatabaseProvider.Sqlite, Migrator.Available(DatabaseProvider.Sqlite)).ShouldBe(name);
        name.ShouldStartWith(TemplateName.Prefix);
        TemplateName.For(DatabaseProvider.Sqlite, edited).ShouldNotBe(name);
        TemplateName.For(DatabaseProvider.Sqlite, added).ShouldNotBe(name);
        TemplateName.For(DatabaseProvider.Sqlite, migrations.Skip(1)).ShouldNotBe(name);
        TemplateName.For(DatabaseProvider.Postgres, migrations).ShouldNotBe(name);
    }

    [Fact]
    public async Task PostgresTemplate_RefusesConnections_SoThatCopyingItNeverFindsSomeoneConnected()
    {
        var template = await PostgresTemplate.NameAsync();
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT datistemplate, datallowconn FROM pg_database WHERE datname = @name", admin);
        query.Parameters.AddWithValue("name", template);
        await using var reader = await query.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        template.ShouldBe(TemplateName.For(DatabaseProvider.Postgres));
        (reader.GetBoolean(0), reader.GetBoolean(1)).ShouldBe((true, false));
    }
}
