using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Regions;

/// <summary>
/// The maintained resident counts per region code stay equal to a count of the persons through
/// every way people arrive, move and leave: bulk imports (first population and re-imports that
/// move people), tracked edits, deletions in bulk, and an upgrade of a database that has people.
/// </summary>
public sealed class ResidentCountTests
{
    private static readonly DemoPopulation.Community[] Communities =
    [
        new("220204003001", "吉源社区"),
        new("220204003002", "松北一区社区"),
        new("220204100200", "大绥河村"),
    ];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BulkLoads_FirstAndAgainWithMoves_KeepTheCountsEqualToThePersons(DatabaseProvider provider)
    {
        var rows = new DemoPopulation("220204", seed: 5).Generate(Communities, 1_200).ToList();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await PersonBulkLoader.LoadAsync(db, rows, null, CancellationToken.None);
        }

        await ShouldMatchPersonsAsync(database);

        // A roster sent again moves every third person to the village and adds new people.
        var moved = rows.Select((r, i) => i % 3 == 0 ? r with { RegionCode = "220204100200", Compound = null, Building = null, Unit = null, Room = null } : r).ToList();
        var newcomers = new DemoPopulation("220204", seed: 6).Generate(Communities, 300).ToList();
        await using (var db = database.NewContext())
        {
            await PersonBulkLoader.LoadAsync(db, moved.Concat(newcomers), null, CancellationToken.None);
        }

        var counts = await ShouldMatchPersonsAsync(database);
        counts.Values.Sum().ShouldBe(await CountDistinctAsync(database));
        counts["220204100200"].ShouldBeGreaterThan((long)(rows.Count / 3));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TrackedMoveAndDeletion_UpdateBothRegionsCounts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await PersonBulkLoader.LoadAsync(db, new DemoPopulation("220204", seed: 7).Generate(Communities, 400), null, CancellationToken.None);
        }

        var before = await CountsAsync(database);
        await using (var db = database.NewContext())
        {
            var people = await db.Persons.Where(p => p.RegionCode == "220204003001").OrderBy(p => p.Id).Take(5).ToListAsync();
            people[0].MoveTo("220204003002");
            people[1].MoveTo("220204003002");
            people[2].Rename("改名字");
            db.Persons.Remove(people[3]);
            await db.SaveChangesAsync();
        }

        var after = await ShouldMatchPersonsAsync(database);
        after["220204003001"].ShouldBe(before["220204003001"] - 3);
        after["220204003002"].ShouldBe(before["220204003002"] + 2);

        // A deletion in bulk (one statement for many rows) is counted as well.
        await using (var db = database.NewContext())
        {
            await db.Persons.Where(p => p.RegionCode == "220204003002").ExecuteDeleteAsync();
        }

        (await ShouldMatchPersonsAsync(database)).GetValueOrDefault("220204003002").ShouldBe(0);
        (await Populations.InSubtreeAsync(database.NewContext(), "220204003")).ShouldBe(after["220204003001"]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Upgrade_OfADatabaseWithPeople_CountsThePeopleAlreadyThere(DatabaseProvider provider)
    {
        // The people are written by today's code and copied onto the 0129 schema (OldSchemaCopy): today's
        // model reads back columns later migrations add (persons.door_key, 0175).
        await using var database = await TestDatabase.CreateAsync(provider, upTo: "0129");
        await using (var today = await TestDatabase.CreateAsync(provider))
        {
            await using (var db = today.NewContext())
            {
                db.Persons.Add(new Person(DocumentType.ResidentId, "220204199001011234", "张三", "220204003001"));
                db.Persons.Add(new Person(DocumentType.ResidentId, "220204199001021234", "李四", "220204003001"));
                db.Persons.Add(new Person(DocumentType.ResidentId, "220204199001031234", "王五", "220204100200"));
                await db.SaveChangesAsync();
            }

            await OldSchemaCopy.CopyAsync(today, database);
        }

        await database.MigrateAsync();

        var counts = await ShouldMatchPersonsAsync(database);
        counts["220204003001"].ShouldBe(2);
        counts["220204100200"].ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SubtreeSums_FollowTheJurisdiction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await PersonBulkLoader.LoadAsync(db, new DemoPopulation("220204", seed: 8).Generate(Communities, 300), null, CancellationToken.None);
        }

        var counts = await CountsAsync(database);
        await using var street = database.NewContext(new Fangkong.Access.Jurisdiction("street", "220204003", SeesFullIdentity: false));

        // A street's officer sums only the people of the street, even when asking for the county.
        (await Populations.InSubtreeAsync(street, "220204")).ShouldBe(counts["220204003001"] + counts["220204003002"]);
        var bySubdivision = await Populations.BySubdivisionAsync(street, "220204", 9);
        bySubdivision.Keys.ToList().ShouldBe(["220204003"]);
    }

    private static async Task<Dictionary<string, long>> ShouldMatchPersonsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var counted = await db.Persons.GroupBy(p => p.RegionCode).Select(g => new { g.Key, Count = g.LongCount() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var maintained = await CountsAsync(database);
        maintained.Where(m => m.Value != 0).OrderBy(m => m.Key, StringComparer.Ordinal).ToList().ShouldBe(counted.OrderBy(c => c.Key, StringComparer.Ordinal).ToList());
        return maintained;
    }

    private static async Task<Dictionary<string, long>> CountsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.ResidentCounts.ToDictionaryAsync(r => r.RegionCode, r => r.Residents);
    }

    private static async Task<long> CountDistinctAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await db.Persons.LongCountAsync();
    }
}
