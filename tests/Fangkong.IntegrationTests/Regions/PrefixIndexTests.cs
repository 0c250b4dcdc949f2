using System.Data.Common;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Regions;

/// <summary>
/// The jurisdiction filter is a prefix match on the region code; on both providers the
/// database must serve it from the index, or every query of a county scans a city's people.
/// </summary>
public sealed class PrefixIndexTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task JurisdictionFilter_OnPersons_UsesTheRegionCodeIndex(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Jurisdiction("county", "220204", SeesFullIdentity: false));
        var query = db.Persons.Select(p => p.Name);
        var command = query.ToQueryString();
        command.ShouldContain("LIKE");

        var plan = await ExplainAsync(db, provider, query.CreateDbCommand());

        plan.ShouldContain("ix_persons_region_code");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NameSearch_ByPrefix_UsesTheNameIndex(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var prefix = "张";
        var query = db.Persons.Where(p => p.Name.StartsWith(prefix)).Select(p => p.Id);

        var plan = await ExplainAsync(db, provider, query.CreateDbCommand());

        plan.ShouldContain("ix_persons_name");
    }

    private static async Task<string> ExplainAsync(FangkongDbContext db, DatabaseProvider provider, DbCommand command)
    {
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        if (provider == DatabaseProvider.Postgres)
        {
            // An empty table is cheapest to scan; forbid that so the planner shows whether the index *can* serve the filter.
            await using var off = connection.CreateCommand();
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = connection.CreateCommand();
        explain.CommandText = (provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        foreach (DbParameter p in command.Parameters)
        {
            var copy = explain.CreateParameter();
            copy.ParameterName = p.ParameterName;
            copy.Value = p.Value;
            explain.Parameters.Add(copy);
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? string.Empty);
        }

        return string.Join("\n", lines);
    }
}
