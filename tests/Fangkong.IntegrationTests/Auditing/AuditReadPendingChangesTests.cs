using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Auditing;

/// <summary>
/// A read's audit line, written while the context tracks changes not saved yet, saves them as any
/// save does: audited and checked against the jurisdiction. It used to save them around both.
/// </summary>
public sealed class AuditReadPendingChangesTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AuditRead_WithAPendingInsert_AuditsTheInsertToo(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var number = WebTestData.IdNumberFor(WebTestData.Community, "19700101", 9);
        await using (var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false)))
        {
            db.Persons.Add(new Person(DocumentType.ResidentId, number, "赵六", WebTestData.Community) { UpdatedAt = DateTimeOffset.UtcNow });
            await db.AuditReadAsync(nameof(Person), "1", WebTestData.Community);
        }

        await using var check = database.NewContext();
        var id = (await check.Persons.SingleAsync(p => p.DocumentNumber == number)).Id;
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Insert && a.Entity == nameof(Person) && a.EntityKey == key)).ShouldBe(1);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Read && a.UserName == "county")).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AuditRead_WithAPendingInsertOutsideTheJurisdiction_IsRefused_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var number = WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19700101", 9);
        await using (var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false)))
        {
            db.Persons.Add(new Person(DocumentType.ResidentId, number, "赵六", WebTestData.OtherCountyCommunity) { UpdatedAt = DateTimeOffset.UtcNow });
            await Should.ThrowAsync<JurisdictionViolationException>(() => db.AuditReadAsync(nameof(Person), "1", WebTestData.County));
        }

        await using var check = database.NewContext();
        (await check.Persons.CountAsync(p => p.DocumentNumber == number)).ShouldBe(0);
    }
}
