using System.Text.RegularExpressions;
using Fangkong.Access;
using Fangkong.CommandCentre;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine.Capacity;
using Fangkong.Web.Components.Kit;

namespace Fangkong.IntegrationTests.CommandCentre;

/// <summary>
/// The two pages the command centre keeps open during an outbreak read in a fixed number of
/// statements, whatever the data (ADR 0042): the situation view (its home page) and the capacity
/// board <c>/quarantine/sites</c>. Each statement costs a round trip and a connection while many
/// users wait; none counts the city's residents or swabs.
/// </summary>
public sealed class BoundedStatementsTests
{
    private static readonly Jurisdiction CommandCentre = new("zhihuibu", "2202", SeesFullIdentity: true);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SituationView_ReadsInAFewStatements_NoneCountingResidentsOrSwabs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CommandPages.SeedDemoAsync(database);
        await using var db = database.NewContext(CommandCentre);

        var (view, statements) = await StatementCounter.CountAsync(() => SituationFigures.HandleAsync(db, TimeProvider.System, null));

        view.IsSuccess.ShouldBeTrue();
        // Demo-like data: figures from every family were read (a count of an empty view would prove little).
        view.Value!.Round.ShouldNotBeNull();
        (view.Value.Quarantine.Free + view.Value.Quarantine.Used).ShouldBeGreaterThan(0);
        // 46 before ADR 0042 (the whole bulletin, the end-of-day list with its audit line, a findings page, the waiting list in nine reads); 25 now.
        statements.Count.ShouldBeLessThanOrEqualTo(25, string.Join("\n", statements));
        statements.ShouldNotContain(s => s.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase), "a view writes no audit line");
        statements.ShouldNotContain(s => CountsTheCity(s), string.Join("\n", statements.Where(CountsTheCity)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CapacityBoard_ReadsInAFewStatements_NoneCountingResidents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CommandPages.SeedDemoAsync(database);
        await using var db = database.NewContext(CommandCentre);

        // What the page reads on each view: the board, then the region picker's options.
        var (view, statements) = await StatementCounter.CountAsync(async () =>
        {
            var board = await ForecastCapacity.HandleAsync(db, TimeProvider.System);
            await PickerSources.RegionsAsync(db);
            return board;
        });

        view.Sites.ShouldNotBeEmpty();
        view.Cities.ShouldNotBeEmpty();
        view.Sites.Sum(s => s.Total).ShouldBeGreaterThan(0);
        // 18 before ADR 0042 (sites, rooms, beds and people in four reads; the waiting list in nine); 13 after it;
        // 16 since the city's block is the same for every viewer (ADR 0046): it reads the city's sites, rooms
        // and beds again through a city-wide context, which a city-level viewer could be spared (next step).
        statements.Count.ShouldBeLessThanOrEqualTo(16, string.Join("\n", statements));
        statements.ShouldNotContain(s => CountsTheCity(s), string.Join("\n", statements.Where(CountsTheCity)));
    }

    /// <summary>A count or sum whose FROM is the residents or the swabs: it grows with the city.</summary>
    private static bool CountsTheCity(string sql) =>
        Regex.IsMatch(sql, @"\b(count|sum)\(", RegexOptions.IgnoreCase) && Regex.IsMatch(sql, @"\bFROM\s+""?(persons|samples)""?\b", RegexOptions.IgnoreCase);
}
