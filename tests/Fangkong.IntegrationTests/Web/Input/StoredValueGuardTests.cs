using Fangkong.Common.Input;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
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

        foreach (var (name, field) in new[] { (new string('点', SamplingPoint.NameMaxLength + 1), "name"), ("吉源\0点", "name") })
        {
            await using var db = database.NewContext();
            var saved = await SaveSamplingPoint.HandleAsync(db, new SaveSamplingPoint.Command(WebTestData.Community, "吉源点", "fixed", null, null, null, null));
            saved.IsSuccess.ShouldBeTrue(saved.Error?.Message);
            var point = await db.SamplingPoints.SingleAsync();
            db.Entry(point).Property(nameof(SamplingPoint.Name)).CurrentValue = name;

            var refused = await Should.ThrowAsync<InputRejectedException>(() => db.SaveChangesAsync());
            refused.Error.Field.ShouldBe(field);
            refused.Error.Message.Length.ShouldBeLessThan(400);

            await using var check = database.NewContext();
            (await check.SamplingPoints.SingleAsync()).Name.ShouldBe("吉源点");
            check.SamplingPoints.RemoveRange(check.SamplingPoints);
            await check.SaveChangesAsync();
        }
    }
}
