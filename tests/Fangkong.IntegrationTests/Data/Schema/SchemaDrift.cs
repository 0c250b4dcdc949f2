using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// Compares a migrated database's catalogue with the EF models that use it (the product's
/// <see cref="FangkongDbContext"/> and the key ring's <see cref="DataProtectionKeysContext"/>),
/// less the deviations <see cref="KnownDeviations"/> lists with their reasons.
/// </summary>
internal static class SchemaDrift
{
    public static async Task<List<string>> FindAsync(TestDatabase db, bool withKnown = false)
    {
        await using var context = db.NewContext();
        var model = new Dictionary<string, TableShape>(ModelSchema.Read(context), StringComparer.Ordinal);
        await using (var keys = KeyRingContext(db.Settings))
        {
            foreach (var (name, table) in ModelSchema.Read(keys))
            {
                model.Add(name, table);
            }
        }

        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        var live = db.Provider == DatabaseProvider.Sqlite
            ? await SqliteCatalogue.ReadAsync(connection)
            : await PostgresCatalogue.ReadAsync(connection);
        var known = withKnown ? [] : KnownDeviations.For(db.Provider);
        return SchemaComparer.Compare(db.Provider, model, live).Where(d => !known.Contains(d)).ToList();
    }

    private static DataProtectionKeysContext KeyRingContext(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<DataProtectionKeysContext>();
        _ = settings.Provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(settings.ConnectionString)
            : options.UseNpgsql(settings.ConnectionString);
        return new DataProtectionKeysContext(options.Options);
    }
}
