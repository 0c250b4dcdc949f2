using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Data;

public sealed class MigrationTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrate_FreshDatabase_AppliesEveryVersionOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);

        var first = await db.MigrateAsync();
        var second = await db.MigrateAsync();

        first.ShouldBe(Migrator.Available(provider).Select(m => m.Version).ToList());
        first.Count.ShouldBeGreaterThanOrEqualTo(2);
        second.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrate_DatabaseWithRowsOfPreviousVersion_KeepsEveryRow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: true, upTo: "0001_initial");
        await using (var v1 = db.NewContext())
        {
            // Raw SQL: the current model knows tables that version 0001 lacks.
            await v1.Database.ExecuteSqlRawAsync(
                "INSERT INTO regions (code, name, level, parent_code, is_reporting_unit) VALUES ('22', '吉林省', 'Province', NULL, FALSE)");
            await v1.Database.ExecuteSqlRawAsync(
                "INSERT INTO persons (document_type, document_number, name, sex, region_code, health_code, updated_at) " +
                "VALUES ('ResidentId', '220204199001011237', '张三', 'Male', '220204003001', 'Green', '2022-03-01T00:00:00+00:00')");
        }

        var applied = await db.MigrateAsync();

        applied.ShouldNotBeEmpty();
        await using var v2 = db.NewContext();
        (await v2.Regions.SingleAsync()).Name.ShouldBe("吉林省");
        var person = await v2.Persons.SingleAsync();
        person.Name.ShouldBe("张三");
        person.DocumentNumber.ShouldBe("220204199001011237");
        (await v2.Organisations.CountAsync()).ShouldBe(0);
    }
}
