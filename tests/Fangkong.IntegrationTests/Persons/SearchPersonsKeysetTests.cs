using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;

namespace Fangkong.IntegrationTests.Persons;

/// <summary>
/// Keyset paging of the person lists: following <c>NextAfter</c> from page to page gives the same
/// people in the same order as numbered pages, for a community (an equality on the code) and for
/// a county (a prefix of the code) and a name prefix; a cursor that names nobody is refused on the field.
/// </summary>
public sealed class SearchPersonsKeysetTests
{
    private static readonly DemoPopulation.Community[] Communities =
    [
        new("220204003001", "吉源社区"),
        new("220204003002", "松北一区社区"),
    ];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FollowingNextAfter_GivesTheNumberedPagesInOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rows = new DemoPopulation("220204", seed: 3).Generate(Communities, 600).ToList();
        await using (var db = database.NewContext())
        {
            await PersonBulkLoader.LoadAsync(db, rows, null, CancellationToken.None);
        }

        // A community (equality on its code), a county (a prefix) and the commonest two-character name start.
        var common = rows.GroupBy(r => r.Name[..2]).MaxBy(g => g.Count())!;
        common.Count().ShouldBeGreaterThan(2);
        foreach (var (text, region, size) in new[] { ((string?)null, "220204003001", 10), (null, "220204", 25), (common.Key, "220204", 2) })
        {
            await using var db = database.NewContext();
            using var limiter = new NumberSearchLimiter();
            var numbered = new List<long>();
            for (var page = 1; ; page++)
            {
                var result = (await SearchPersons.HandleAsync(db, limiter, new SearchPersons.Query(text, region, page, size))).Value!;
                numbered.AddRange(result.Items.Select(i => i.Id));
                if (page >= result.PageCount)
                {
                    break;
                }
            }

            var keyed = new List<long>();
            long? after = null;
            do
            {
                var result = (await SearchPersons.HandleAsync(db, limiter, new SearchPersons.Query(text, region, null, size, after))).Value!;
                result.TotalCount.ShouldBe(numbered.Count);
                keyed.AddRange(result.Items.Select(i => i.Id));
                after = result.NextAfter;
            }
            while (after is not null);

            numbered.Count.ShouldBeGreaterThan(size);
            keyed.ShouldBe(numbered);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task After_APersonWhoDoesNotExist_IsRefusedOnTheField(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        using var limiter = new NumberSearchLimiter();

        var result = await SearchPersons.HandleAsync(db, limiter, new SearchPersons.Query(null, "220204003001", null, 25, After: 987654));

        result.Error.ShouldNotBeNull();
        result.Error.Kind.ShouldBe(ErrorKind.Invalid);
        result.Error.Field.ShouldBe("after");
    }
}
