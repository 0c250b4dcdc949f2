using System.Data.Common;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// The live schema of a PostgreSQL database (the current schema), read from
/// information_schema and pg_catalog. Partitions are left out: the partitioned table stands for
/// them, as it does in the model.
/// </summary>
internal static class PostgresCatalogue
{
    private const string Tables = """
        SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        """;

    private const string Columns = """
        SELECT col.table_name::text, col.column_name::text, format_type(a.atttypid, a.atttypmod),
               col.character_maximum_length::int, col.is_nullable = 'YES'
        FROM information_schema.columns col
        JOIN pg_class c ON c.relname = col.table_name
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = col.table_schema
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = col.column_name
        WHERE col.table_schema = current_schema()
        """;

    // Key columns only (INCLUDE columns are not part of what an index orders or makes unique);
    // an expression is named by its text.
    private const string Indexes = """
        SELECT t.relname::text, i.relname::text, x.indisunique, x.indisprimary, x.indpred IS NOT NULL,
               array(SELECT coalesce(a.attname::text, pg_get_indexdef(x.indexrelid, k.ord::int, true))
                     FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                     LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                     WHERE k.ord <= x.indnkeyatts ORDER BY k.ord)
        FROM pg_index x
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND NOT t.relispartition
        """;

    // Constraints that a partition inherits from its parent (conparentid <> 0) are the parent's.
    private const string ForeignKeys = """
        SELECT t.relname::text, con.conname::text, p.relname::text, con.confdeltype::text,
               array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord),
               array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
        FROM pg_constraint con
        JOIN pg_class t ON t.oid = con.conrelid
        JOIN pg_class p ON p.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE con.contype = 'f' AND con.conparentid = 0 AND n.nspname = current_schema() AND NOT t.relispartition
        """;

    public static async Task<IReadOnlyDictionary<string, TableShape>> ReadAsync(DbConnection connection)
    {
        var names = await CatalogueQuery.ListAsync(connection, Tables, r => r.GetString(0));
        var columns = (await CatalogueQuery.ListAsync(connection, Columns, r => (Table: r.GetString(0), Column: new ColumnShape(
            r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetBoolean(4))))).ToLookup(c => c.Table);
        var indexes = (await CatalogueQuery.ListAsync(connection, Indexes, r => (Table: r.GetString(0), Primary: r.GetBoolean(3), Index: new IndexShape(
            r.GetString(1), r.GetFieldValue<string[]>(5), r.GetBoolean(2), r.GetBoolean(4))))).ToLookup(i => i.Table);
        var foreignKeys = (await CatalogueQuery.ListAsync(connection, ForeignKeys, r => (Table: r.GetString(0), Key: new ForeignKeyShape(
            r.GetString(1), r.GetFieldValue<string[]>(4), r.GetString(2), r.GetFieldValue<string[]>(5), Rule(r.GetString(3)))))).ToLookup(f => f.Table);

        return names.ToDictionary(
            name => name,
            name => new TableShape(
                name,
                columns[name].ToDictionary(c => c.Column.Name, c => c.Column, StringComparer.Ordinal),
                indexes[name].Where(i => i.Primary).Select(i => i.Index.Columns).FirstOrDefault() ?? [],
                indexes[name].Where(i => !i.Primary).Select(i => i.Index).ToList(),
                foreignKeys[name].Select(f => f.Key).ToList()),
            StringComparer.Ordinal);
    }

    private static string Rule(string code) => code switch
    {
        "c" => DeleteRule.Cascade,
        "n" => DeleteRule.SetNull,
        "d" => DeleteRule.SetDefault,
        _ => DeleteRule.Refuse, // "a" no action, "r" restrict
    };
}
