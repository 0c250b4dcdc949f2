using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Data;

/// <summary>
/// Writes one row of boxed column values to a PostgreSQL binary COPY, each with the type its
/// column has (binary COPY sends no type names of its own: a wrong type is a server error).
/// Shared by the bulk writers that copy whole entities (contacts, placements).
/// </summary>
internal static class BinaryCopyRow
{
    public static async Task WriteAsync(NpgsqlBinaryImporter copy, object?[] fields, string table, CancellationToken ct)
    {
        await copy.StartRowAsync(ct);
        foreach (var field in fields)
        {
            var write = field switch
            {
                null => copy.WriteNullAsync(ct),
                string text => copy.WriteAsync(text, NpgsqlDbType.Varchar, ct),
                long id => copy.WriteAsync(id, NpgsqlDbType.Bigint, ct),
                int number => copy.WriteAsync(number, NpgsqlDbType.Integer, ct),
                bool flag => copy.WriteAsync(flag, NpgsqlDbType.Boolean, ct),
                double value => copy.WriteAsync(value, NpgsqlDbType.Double, ct),
                DateOnly day => copy.WriteAsync(day, NpgsqlDbType.Date, ct),
                DateTimeOffset at => copy.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct),
                _ => throw new InvalidOperationException($"Unexpected {field.GetType()} in a row of {table}."),
            };
            await write;
        }
    }
}
