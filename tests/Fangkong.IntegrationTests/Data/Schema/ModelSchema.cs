using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// The schema the EF model expects, per provider: the design-time model's relational tables
/// (the runtime model drops annotations such as index filters), with the store types the
/// provider's mapping chose.
/// </summary>
internal static class ModelSchema
{
    public static IReadOnlyDictionary<string, TableShape> Read(DbContext context)
    {
        var model = context.GetService<IDesignTimeModel>().Model;
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in model.GetRelationalModel().Tables)
        {
            if (table.IsExcludedFromMigrations)
            {
                continue;
            }

            var columns = table.Columns.ToDictionary(
                c => c.Name,
                c => new ColumnShape(c.Name, c.StoreType, c.MaxLength, c.IsNullable),
                StringComparer.Ordinal);
            var indexes = table.Indexes
                .Select(i => new IndexShape(i.Name, Names(i.Columns), i.IsUnique, i.Filter is not null))
                .Concat(table.UniqueConstraints
                    .Where(u => !u.GetIsPrimaryKey())
                    .Select(u => new IndexShape(u.Name, Names(u.Columns), IsUnique: true, IsPartial: false)))
                .ToList();
            var foreignKeys = table.ForeignKeyConstraints
                .Select(f => new ForeignKeyShape(f.Name, Names(f.Columns), f.PrincipalTable.Name, Names(f.PrincipalColumns), Rule(f.OnDeleteAction)))
                .ToList();
            tables[table.Name] = new TableShape(table.Name, columns, Names(table.PrimaryKey?.Columns ?? []), indexes, foreignKeys);
        }

        return tables;
    }

    private static List<string> Names(IEnumerable<IColumn> columns) => columns.Select(c => c.Name).ToList();

    private static string Rule(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => DeleteRule.Cascade,
        ReferentialAction.SetNull => DeleteRule.SetNull,
        ReferentialAction.SetDefault => DeleteRule.SetDefault,
        _ => DeleteRule.Refuse,
    };
}
