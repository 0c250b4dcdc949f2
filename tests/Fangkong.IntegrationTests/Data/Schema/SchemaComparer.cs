using Fangkong.Data;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// Every difference between the schema the model expects and the one the migrations built, one
/// line each, "table.column: model says X, database says Y". What the model declares must be
/// there as declared; the database may hold more only where that changes nothing the model
/// relies on: extra plain indexes (hand-written performance indexes, ADR 0002) are allowed, extra
/// columns, unique indexes and foreign keys are not, since they refuse writes the model expects
/// to succeed.
/// </summary>
internal static class SchemaComparer
{
    public static List<string> Compare(
        DatabaseProvider provider,
        IReadOnlyDictionary<string, TableShape> model,
        IReadOnlyDictionary<string, TableShape> database)
    {
        var differences = new List<string>();
        foreach (var expected in model.Values.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (!database.TryGetValue(expected.Name, out var actual))
            {
                differences.Add($"{expected.Name}: model says table, database has none");
                continue;
            }

            CompareColumns(provider, expected, actual, differences);
            ComparePrimaryKey(expected, actual, differences);
            CompareIndexes(expected, actual, differences);
            CompareForeignKeys(expected, actual, differences);
        }

        differences.AddRange(database.Keys
            .Where(t => !model.ContainsKey(t))
            .Order(StringComparer.Ordinal)
            .Select(t => $"{t}: database has a table, model maps none"));
        return differences;
    }

    private static void CompareColumns(DatabaseProvider provider, TableShape expected, TableShape actual, List<string> differences)
    {
        foreach (var column in expected.Columns.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var where = $"{expected.Name}.{column.Name}";
            if (!actual.Columns.TryGetValue(column.Name, out var live))
            {
                differences.Add($"{where}: model says {Describe(column)}, database has no such column");
                continue;
            }

            var modelType = StoreTypes.Comparable(provider, column.StoreType);
            var liveType = StoreTypes.Comparable(provider, live.StoreType);
            if (modelType != liveType)
            {
                differences.Add($"{where}: model says type {modelType} ({column.StoreType}), database says {liveType} ({live.StoreType})");
            }

            if (StoreTypes.HasLength(provider, live.StoreType) && column.MaxLength != live.MaxLength)
            {
                differences.Add($"{where}: model says max length {column.MaxLength?.ToString() ?? "none"}, database says {live.MaxLength?.ToString() ?? "none"}");
            }

            if (column.IsNullable != live.IsNullable)
            {
                differences.Add($"{where}: model says {Null(column.IsNullable)}, database says {Null(live.IsNullable)}");
            }
        }

        differences.AddRange(actual.Columns.Values
            .Where(c => !expected.Columns.ContainsKey(c.Name))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => $"{expected.Name}.{c.Name}: database has {Describe(c)}, model maps no such column"));
    }

    private static void ComparePrimaryKey(TableShape expected, TableShape actual, List<string> differences)
    {
        if (!expected.PrimaryKey.SequenceEqual(actual.PrimaryKey, StringComparer.Ordinal))
        {
            differences.Add($"{expected.Name}: model says primary key ({string.Join(", ", expected.PrimaryKey)}), database says ({string.Join(", ", actual.PrimaryKey)})");
        }
    }

    private static void CompareIndexes(TableShape expected, TableShape actual, List<string> differences)
    {
        foreach (var index in expected.Indexes)
        {
            var sameColumns = actual.Indexes.Where(i => i.Columns.SequenceEqual(index.Columns, StringComparer.Ordinal)).ToList();
            if (sameColumns.Any(i => i.IsUnique == index.IsUnique && i.IsPartial == index.IsPartial))
            {
                continue;
            }

            var found = sameColumns.Count == 0 ? "none" : string.Join("; ", sameColumns.Select(i => $"{i.Describe()} {i.Name}"));
            differences.Add($"{expected.Name}: model says {index.Describe()} {index.Name}, database has {found}");
        }

        differences.AddRange(actual.Indexes
            .Where(i => i.IsUnique && !expected.Indexes.Any(m => m.IsUnique && m.Columns.SequenceEqual(i.Columns, StringComparer.Ordinal)))
            .Select(i => $"{expected.Name}: database has {i.Describe()} {i.Name}, model declares none"));
    }

    private static void CompareForeignKeys(TableShape expected, TableShape actual, List<string> differences)
    {
        foreach (var key in expected.ForeignKeys)
        {
            var where = $"{expected.Name}({string.Join(", ", key.Columns)})";
            var live = actual.ForeignKeys.Where(k => k.Columns.SequenceEqual(key.Columns, StringComparer.Ordinal)).ToList();
            if (live.Any(k => k.Target == key.Target && k.OnDelete == key.OnDelete))
            {
                continue;
            }

            var found = live.Count == 0 ? "none" : string.Join("; ", live.Select(k => k.Describe()));
            differences.Add($"{where}: model says {key.Describe()}, database has {found}");
        }

        differences.AddRange(actual.ForeignKeys
            .Where(k => !expected.ForeignKeys.Any(m => m.Columns.SequenceEqual(k.Columns, StringComparer.Ordinal)))
            .Select(k => $"{expected.Name}({string.Join(", ", k.Columns)}): database has {k.Describe()}, model declares none"));
    }

    private static string Describe(ColumnShape column) =>
        $"{column.StoreType}{(column.MaxLength is { } length && !column.StoreType.Contains('(', StringComparison.Ordinal) ? $"({length})" : string.Empty)} {Null(column.IsNullable)}";

    private static string Null(bool nullable) => nullable ? "NULL" : "NOT NULL";
}
