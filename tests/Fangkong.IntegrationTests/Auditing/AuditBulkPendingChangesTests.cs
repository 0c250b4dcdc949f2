using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Auditing;

/// <summary>
/// A bulk operation's audit line (imports, allocation runs, traced pools) is saved through the
/// context's audited save: changes tracked at that moment get their own lines and the jurisdiction
/// check. It used to go through the base save, which stored them unaudited and unchecked.
/// </summary>
public sealed class AuditBulkPendingChangesTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AuditBulk_WithAPendingInsert_WritesTheBulkLineAndAuditsTheInsert(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var number = WebTestData.IdNumberFor(WebTestData.Community, "19700101", 9);
        await using (var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false)))
        {
            db.Persons.Add(new Person(DocumentType.ResidentId, number, "赵六", WebTestData.Community) { UpdatedAt = DateTimeOffset.UtcNow });
            await db.AuditBulkAsync(AuditActions.Import, nameof(Person), "suite: one row");
        }

        await using var check = database.NewContext();
        var id = (await check.Persons.SingleAsync(p => p.DocumentNumber == number)).Id;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Insert && a.Entity == nameof(Person) && a.EntityKey == key && a.UserName == "county")).ShouldBe(1);
        var bulk = await check.AuditLog.SingleAsync(a => a.Action == AuditActions.Import && a.UserName == "county");
        bulk.After.ShouldBe("suite: one row");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AuditBulk_WithAPendingInsertOutsideTheJurisdiction_IsRefused_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var number = WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19700101", 9);
        await using (var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false)))
        {
            db.Persons.Add(new Person(DocumentType.ResidentId, number, "赵六", WebTestData.OtherCountyCommunity) { UpdatedAt = DateTimeOffset.UtcNow });
            await Should.ThrowAsync<JurisdictionViolationException>(() => db.AuditBulkAsync(AuditActions.Import, nameof(Person), "suite: one row"));
        }

        await using var check = database.NewContext();
        (await check.Persons.CountAsync(p => p.DocumentNumber == number)).ShouldBe(0);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Import && a.UserName == "county")).ShouldBe(0);
    }
}
