using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.IntegrationTests.Persons;

/// <summary>
/// A list of a region's residents (no search text) gives its total from the maintained resident
/// counts, not by counting the subtree's persons on every page (issue 12: 418,855 rows for a street
/// at 10 million people); the total is the same. A name search still counts its matches.
/// </summary>
public sealed partial class SearchPersonsCountTests
{
    private static readonly DemoPopulation.Community[] Communities = [new("220204003001", "吉源社区"), new("220204003002", "松北一区社区")];

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ListByRegion_TotalIsTheMaintainedCount_NoPersonsAreCounted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var rows = new DemoPopulation("220204", seed: 5).Generate(Communities, 300).ToList();
        await using (var load = database.NewContext())
        {
            await PersonBulkLoader.LoadAsync(load, rows, null, CancellationToken.None);
        }

        var statements = new StatementLog();
        await using var db = Logged(database, statements);
        using var limiter = new NumberSearchLimiter();
        foreach (var region in new[] { "220204003001", "220204" })
        {
            var page = (await SearchPersons.HandleAsync(db, limiter, new SearchPersons.Query(null, region, 1, 10))).Value!;
            page.TotalCount.ShouldBe(rows.Count(r => r.RegionCode.StartsWith(region, StringComparison.Ordinal)), region);
            page.Items.Count.ShouldBe(10);
        }

        statements.Texts.Where(t => CountOfPersons().IsMatch(t)).ShouldBeEmpty();

        // A name search is bounded by the name, and counts its matches.
        var name = rows[0].Name[..2];
        var found = (await SearchPersons.HandleAsync(db, limiter, new SearchPersons.Query(name, "220204", 1, 10))).Value!;
        found.TotalCount.ShouldBe(rows.Count(r => r.Name.StartsWith(name, StringComparison.Ordinal)));
        statements.Texts.ShouldContain(t => CountOfPersons().IsMatch(t));
    }

    private static FangkongDbContext Logged(TestDatabase database, StatementLog log)
    {
        var options = new DbContextOptionsBuilder<FangkongDbContext>();
        DataServiceCollectionExtensions.Configure(options, database.Settings);
        options.AddInterceptors(log);
        return new FangkongDbContext(options.Options, new FixedJurisdiction(Jurisdiction.System), TimeProvider.System);
    }

    [GeneratedRegex("COUNT\\(\\*\\)(::int)?\\s+FROM\\s+\"?persons\"?", RegexOptions.IgnoreCase)]
    private static partial Regex CountOfPersons();

    private sealed class StatementLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public IReadOnlyCollection<string> Texts => _texts;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            _texts.Enqueue(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
