using Fangkong.Common.Input;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Input;

/// <summary>The last line of defence: a save with a text longer than its column or with a NUL is refused on both databases, and nothing is written.</summary>
public sealed class StoredValueGuardTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ATextLongerThanItsColumn_OrWithANul_IsNotSaved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);

        foreach (var name in new[] { new string('名', Person.NameMaxLength + 1), "张\0伟" })
        {
            await using var db = database.NewContext();
            var person = await db.Persons.SingleAsync(p => p.Name == "张伟");
            db.Entry(person).Property(nameof(Person.Name)).CurrentValue = name;

            var refused = await Should.ThrowAsync<InputRejectedException>(() => db.SaveChangesAsync());
            refused.Error.Field.ShouldBe("name");
            refused.Error.Message.Length.ShouldBeLessThan(400);

            await using var check = database.NewContext();
            (await check.Persons.CountAsync(p => p.Name == "张伟")).ShouldBe(1);
        }
    }
}
