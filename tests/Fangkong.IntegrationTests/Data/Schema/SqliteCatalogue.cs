using System.Data.Common;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// The live schema of a SQLite database, read with pragma_table_xinfo (generated columns too), pragma_index_list,
/// pragma_index_info and pragma_foreign_key_list. SQLite keeps no lengths (TEXT takes any), so
/// a column's maximum length is unknown here; <c>StoredValueGuard</c> enforces the model's.
/// </summary>
internal static class SqliteCatalogue
{
    private const string Tables = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";

    private const string Columns = """SELECT name, type, "notnull", pk FROM pragma_table_xinfo(@t) WHERE hidden <> 1 ORDER BY cid""";

    private const string Indexes = """SELECT name, "unique", origin, partial FROM pragma_index_list(@t)""";

    // An expression column of an index has no name (cid -2).
    private const string IndexColumns = "SELECT coalesce(name, '(expression)') FROM pragma_index_info(@t) ORDER BY seqno";

    private const string ForeignKeys = """SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(@t) ORDER BY id, seq""";

    public static async Task<IReadOnlyDictionary<string, TableShape>> ReadAsync(DbConnection connection)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var name in await CatalogueQuery.ListAsync(connection, Tables, r => r.GetString(0)))
        {
            var columns = await CatalogueQuery.ListAsync(connection, Columns, r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) != 0, Pk: r.GetInt32(3)), name);
            var primaryKey = columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();

            // A primary key column is never NULL in practice (an INTEGER PRIMARY KEY is the rowid),
            // even where the DDL does not say NOT NULL.
            var columnShapes = columns.ToDictionary(
                c => c.Name,
                c => new ColumnShape(c.Name, c.Type, null, !c.NotNull && c.Pk == 0),
                StringComparer.Ordinal);

            var indexes = new List<IndexShape>();
            foreach (var index in await CatalogueQuery.ListAsync(connection, Indexes, r => (Name: r.GetString(0), Unique: r.GetInt64(1) != 0, Origin: r.GetString(2), Partial: r.GetInt64(3) != 0), name))
            {
                if (index.Origin == "pk")
                {
                    continue;
                }

                var indexColumns = await CatalogueQuery.ListAsync(connection, IndexColumns, r => r.GetString(0), index.Name);
                indexes.Add(new IndexShape(index.Name, indexColumns, index.Unique, index.Partial));
            }

            var keyRows = await CatalogueQuery.ListAsync(connection, ForeignKeys, r => (Id: r.GetInt64(0), Table: r.GetString(1), From: r.GetString(2), To: r.IsDBNull(3) ? null : r.GetString(3), OnDelete: r.GetString(4)), name);
            var foreignKeys = new List<ForeignKeyShape>();
            foreach (var key in keyRows.GroupBy(k => k.Id))
            {
                var principal = key.First().Table;

                // REFERENCES t without columns means t's primary key.
                var to = key.All(k => k.To is not null)
                    ? key.Select(k => k.To!).ToList()
                    : await PrimaryKeyAsync(connection, principal);
                foreignKeys.Add(new ForeignKeyShape($"#{key.Key}", key.Select(k => k.From).ToList(), principal, to, Rule(key.First().OnDelete)));
            }

            tables[name] = new TableShape(name, columnShapes, primaryKey, indexes, foreignKeys);
        }

        return tables;
    }

    private static async Task<List<string>> PrimaryKeyAsync(DbConnection connection, string table) =>
        (await CatalogueQuery.ListAsync(connection, Columns, r => (Name: r.GetString(0), Pk: r.GetInt32(3)), table))
            .Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name).ToList();

    private static string Rule(string action) => action.ToUpperInvariant() switch
    {
        "CASCADE" => DeleteRule.Cascade,
        "SET NULL" => DeleteRule.SetNull,
        "SET DEFAULT" => DeleteRule.SetDefault,
        _ => DeleteRule.Refuse, // NO ACTION, RESTRICT
    };
}
