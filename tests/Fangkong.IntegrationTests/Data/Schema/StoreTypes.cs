using System.Text.RegularExpressions;
using Fangkong.Data;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// Store types as comparable words. On PostgreSQL the type itself, spelled the catalogue's way
/// (format_type), with a character type's length left to <see cref="ColumnShape.MaxLength"/>.
/// On SQLite the declared type decides only the column's affinity (sqlite.org/datatype3.html
/// §3.1), so two declared types are compatible when their affinities agree.
/// </summary>
internal static partial class StoreTypes
{
    public static string Comparable(DatabaseProvider provider, string storeType) =>
        provider == DatabaseProvider.Sqlite ? SqliteAffinity(storeType) : Postgres(storeType);

    /// <summary>Whether the type carries a length that <see cref="ColumnShape.MaxLength"/> states.</summary>
    public static bool HasLength(DatabaseProvider provider, string storeType) =>
        provider == DatabaseProvider.Postgres && Postgres(storeType) is "character varying" or "character";

    private static string Postgres(string storeType)
    {
        var type = Spaces().Replace(storeType.Trim().ToLowerInvariant(), " ");
        var bare = Length().Replace(type, string.Empty);
        return bare switch
        {
            "varchar" or "character varying" => "character varying",
            "char" or "bpchar" or "character" => "character",
            "int" or "int4" or "integer" => "integer",
            "int8" or "bigint" => "bigint",
            "int2" or "smallint" => "smallint",
            "bool" or "boolean" => "boolean",
            "float8" or "double precision" => "double precision",
            "float4" or "real" => "real",
            "timestamptz" or "timestamp with time zone" => "timestamp with time zone",
            "timestamp" or "timestamp without time zone" => "timestamp without time zone",
            _ => type,
        };
    }

    private static string SqliteAffinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
        {
            return "INTEGER";
        }

        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal))
        {
            return "TEXT";
        }

        if (type.Length == 0 || type.Contains("BLOB", StringComparison.Ordinal))
        {
            return "BLOB";
        }

        return type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal)
            ? "REAL"
            : "NUMERIC";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\(\d+\)$")]
    private static partial Regex Length();
}
