using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Persons;

public sealed class PersonBulkLoaderTests
{
    private static readonly DemoPopulation.Community[] Communities =
    [
        new("220204003001", "吉源社区"),
        new("220204003002", "松北一区社区"),
        new("220204100200", "大绥河村"),
    ];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Load_5000DemoPeople_GivesTheSameCountsOnEitherProviderAndReloadUpdates(DatabaseProvider provider)
    {
        var rows = new DemoPopulation("220204", seed: 11).Generate(Communities, 5_000).ToList();
        var expectedCompounds = rows.Select(r => (r.RegionCode, r.Compound)).Distinct().Count();
        var expectedBuildings = rows.Where(r => r.Building is not null).Select(r => (r.RegionCode, r.Compound, r.Building)).Distinct().Count();
        var expectedUnits = rows.Where(r => r.Unit is not null).Select(r => (r.RegionCode, r.Compound, r.Building, r.Unit)).Distinct().Count();
        await using var db = await TestDatabase.CreateAsync(provider);
        var reported = new List<long>();

        BulkLoadSummary first;
        await using (var context = db.NewContext())
        {
            first = await PersonBulkLoader.LoadAsync(context, rows, new SyncProgress(reported.Add), CancellationToken.None);
        }

        first.Rows.ShouldBe(rows.Count);
        first.Inserted.ShouldBe(rows.Count);
        first.CompoundsCreated.ShouldBe(expectedCompounds);
        first.BuildingsCreated.ShouldBe(expectedBuildings);
        first.UnitsCreated.ShouldBe(expectedUnits);
        reported[^1].ShouldBe(rows.Count);

        await using (var context = db.NewContext())
        {
            var again = await PersonBulkLoader.LoadAsync(context, rows, null, CancellationToken.None);
            again.Inserted.ShouldBe(0);
            again.Updated.ShouldBe(rows.Count);
            again.CompoundsCreated.ShouldBe(0);
        }

        await using var check = db.NewContext();
        (await check.Persons.CountAsync()).ShouldBe(rows.Count);
        (await check.Compounds.CountAsync()).ShouldBe(expectedCompounds);
        (await check.Buildings.CountAsync()).ShouldBe(expectedBuildings);
        (await check.BuildingUnits.CountAsync()).ShouldBe(expectedUnits);
        (await check.Persons.CountAsync(p => p.Phone != null)).ShouldBe(rows.Count(r => r.Phone is not null));
        (await check.Persons.CountAsync(p => p.BuildingUnitId != null)).ShouldBe(rows.Count(r => r.Unit is not null));
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Import)).ShouldBe(2);

        if (provider == DatabaseProvider.Postgres)
        {
            // The first load rebuilt the secondary indexes; they must all be back, as the migrations define them.
            var indexes = await check.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'persons'").ToListAsync();
            indexes.ShouldBe(
                ["pk_persons", "ix_persons_building_unit_id_room", "ix_persons_document_type_document_number", "ix_persons_household_no", "ix_persons_name", "ix_persons_phone", "ix_persons_region_code", "ix_persons_region_code_name_id", "ix_persons_region_code_door_key_id", "ix_persons_compound_id"],
                ignoreOrder: true);
            var regionIndex = await check.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'ix_persons_region_code'").SingleAsync();
            regionIndex.ShouldContain("varchar_pattern_ops");
        }

        // Every person points at the residence its row named.
        var sample = rows[rows.Count / 2];
        var person = await check.Persons.SingleAsync(p => p.DocumentNumber == sample.DocumentNumber);
        (await check.Compounds.SingleAsync(c => c.Id == person.CompoundId)).Name.ShouldBe(sample.Compound);
        person.HouseholdNo.ShouldBe(sample.HouseholdNo);
        person.BirthDate.ShouldBe(sample.BirthDate);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FirstPopulation_WithARepeatedDocument_KeepsTheLastRow_AndLaterWritesGetFreshIds(DatabaseProvider provider)
    {
        var rows = new DemoPopulation("220204", seed: 5).Generate(Communities, 300).ToList();
        var repeated = rows[10] with { Name = "改名后", Compound = "新建小区", Building = "9号楼", Unit = "1单元" };
        var laterCount = 0;
        await using var db = await TestDatabase.CreateAsync(provider);

        await using (var context = db.NewContext())
        {
            var first = await PersonBulkLoader.LoadAsync(context, [.. rows, repeated], null, CancellationToken.None);
            first.Inserted.ShouldBe(rows.Count);
            first.Updated.ShouldBe(1);
        }

        await using (var context = db.NewContext())
        {
            // Ids given out by the bulk path must not be given again by the database afterwards.
            context.Compounds.Add(new Fangkong.Residences.Compound("220204003001", "之后登记的小区"));
            await context.SaveChangesAsync();
            var later = new DemoPopulation("220204", seed: 6).Generate([new("220204003002", "松北一区社区")], 50).ToList();
            var second = await PersonBulkLoader.LoadAsync(context, later, null, CancellationToken.None);
            second.Inserted.ShouldBe(later.Count);
            laterCount = later.Count;
        }

        await using var check = db.NewContext();
        (await check.Persons.CountAsync()).ShouldBe(rows.Count + laterCount);
        var person = await check.Persons.SingleAsync(p => p.DocumentNumber == repeated.DocumentNumber);
        person.Name.ShouldBe("改名后");
        (await check.Compounds.SingleAsync(c => c.Id == person.CompoundId)).Name.ShouldBe("新建小区");
        (await check.Compounds.Select(c => c.Id).Distinct().CountAsync()).ShouldBe(await check.Compounds.CountAsync());
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want the reports in order, at once.</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
