using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Data;

/// <summary>The DbContext's central jurisdiction filter, write guard and audit log, on both providers.</summary>
public sealed class JurisdictionAndAuditTests
{
    private static readonly Jurisdiction DadongWorker = new("dadong-worker", "220204003", SeesFullIdentity: false);

    private static async Task<(long InDadong, long InChangyi)> SeedTwoPeopleAsync(TestDatabase db)
    {
        await using var context = db.NewContext();
        var inside = new Person(DocumentType.ResidentId, "220204199001011237", "张三", "220204003001") { UpdatedAt = DateTimeOffset.UtcNow };
        var outside = new Person(DocumentType.ResidentId, "220202198502023456", "李四", "220202001001") { UpdatedAt = DateTimeOffset.UtcNow };
        context.Persons.AddRange(inside, outside);
        await context.SaveChangesAsync();
        return (inside.Id, outside.Id);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Query_CommunityWorker_SeesOnlyOwnSubtree(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (inside, outside) = await SeedTwoPeopleAsync(db);
        await using var context = db.NewContext(DadongWorker);

        (await context.Persons.Select(p => p.Id).ToListAsync()).ShouldBe([inside]);
        (await context.Persons.AnyAsync(p => p.Id == outside)).ShouldBeFalse();
        (await context.Persons.CountAsync(p => p.Name == "李四")).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_AddingPersonOutsideJurisdiction_IsRefusedAndNothingWritten(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.NewContext(DadongWorker))
        {
            context.Persons.Add(new Person(DocumentType.Passport, "E12345678", "Outsider", "220202001001") { UpdatedAt = DateTimeOffset.UtcNow });
            await Should.ThrowAsync<JurisdictionViolationException>(() => context.SaveChangesAsync());
        }

        await using var admin = db.NewContext();
        (await admin.Persons.CountAsync()).ShouldBe(0);
        (await admin.AuditLog.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_MovingPersonOutOfJurisdiction_IsRefused(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (inside, _) = await SeedTwoPeopleAsync(db);
        await using var context = db.NewContext(DadongWorker);
        var person = await context.Persons.SingleAsync(p => p.Id == inside);

        person.MoveTo("220202001001");

        await Should.ThrowAsync<JurisdictionViolationException>(() => context.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Save_Update_WritesAuditLineWithBeforeAndAfter(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (inside, _) = await SeedTwoPeopleAsync(db);
        await using (var context = db.NewContext(DadongWorker))
        {
            var person = await context.Persons.SingleAsync(p => p.Id == inside);
            person.HealthCode = HealthCode.Yellow;
            await context.SaveChangesAsync();
        }

        await using var admin = db.NewContext();
        var line = await admin.AuditLog.Where(a => a.Action == AuditActions.Update).SingleAsync();
        line.UserName.ShouldBe("dadong-worker");
        line.Entity.ShouldBe(nameof(Person));
        line.EntityKey.ShouldBe(inside.ToString(System.Globalization.CultureInfo.InvariantCulture));
        line.Before!.ShouldContain("\"HealthCode\":\"Green\"");
        line.After!.ShouldContain("\"HealthCode\":\"Yellow\"");
        line.RegionCode.ShouldBe("220204003001");
        (await admin.AuditLog.CountAsync(a => a.Action == AuditActions.Insert && a.Entity == nameof(Person))).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AuditLog_UpdateOrDelete_IsRefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await SeedTwoPeopleAsync(db);
        await using var context = db.NewContext();

        await Should.ThrowAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("UPDATE audit_log SET user_name = 'someone else'"));
        await Should.ThrowAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("DELETE FROM audit_log"));
        (await context.AuditLog.CountAsync(a => a.UserName == "system")).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GetPerson_MasksForCommunityWorker_AuditsTheRead_AndHidesOutsiders(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var (inside, outside) = await SeedTwoPeopleAsync(db);
        await using var context = db.NewContext(DadongWorker);

        var seen = await GetPerson.HandleAsync(context, inside);
        var hidden = await GetPerson.HandleAsync(context, outside);

        seen.Value!.DocumentNumber.ShouldBe("220204********123*");
        seen.Value.Masked.ShouldBeTrue();
        hidden.Error!.Kind.ShouldBe(Fangkong.Common.ErrorKind.NotFound);
        await using var admin = db.NewContext();
        (await admin.AuditLog.CountAsync(a => a.Action == AuditActions.Read && a.UserName == "dadong-worker")).ShouldBe(1);
    }
}
