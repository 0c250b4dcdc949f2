using System.Data.Common;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>Runs a catalogue query, optionally with one table or index name as @t, and reads every row.</summary>
internal static class CatalogueQuery
{
    public static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read, string? name = null)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@t";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
