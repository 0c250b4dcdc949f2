using System.Data.Common;
using System.Globalization;

namespace Fangkong.Data;

/// <summary>
/// SQLite adds a foreign key (or changes a column) only by rebuilding the table: create the new
/// table, copy the rows, drop the old one, rename. With enforcement on, dropping a table that
/// others reference deletes, cascades or fails, so SQLite's documented procedure
/// (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table Schema Changes") turns
/// enforcement off around the migration and runs <c>PRAGMA foreign_key_check</c> before it
/// commits. The pragma cannot change inside a transaction, hence around the whole run.
/// </summary>
internal static class SqliteForeignKeyCheck
{
    public static async Task EnforceAsync(DbConnection connection, bool on, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Refuses to commit a migration that left a row pointing at nothing, naming up to ten such rows.</summary>
    public static async Task VerifyAsync(DbConnection connection, DbTransaction transaction, string version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"table\", rowid, parent FROM pragma_foreign_key_check LIMIT 10";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var orphans = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = reader.IsDBNull(1) ? "?" : reader.GetInt64(1).ToString(CultureInfo.InvariantCulture);
            orphans.Add($"{reader.GetString(0)} row {row} -> {reader.GetString(2)}");
        }

        if (orphans.Count > 0)
        {
            throw new InvalidOperationException(
                $"Migration {version} leaves rows that refer to missing rows ({string.Join("; ", orphans)}). " +
                "Nothing was changed: correct or remove those rows, then migrate again (docs/schema.md).");
        }
    }
}
