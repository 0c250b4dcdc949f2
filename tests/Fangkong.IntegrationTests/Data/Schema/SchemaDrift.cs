using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Data.Schema;

/// <summary>
/// Compares a migrated database's catalogue with the EF models that use it (the product's
/// <see cref="FangkongDbContext"/>, the pass keys' ring <see cref="DataProtectionKeysContext"/> and the
/// web host's ring <see cref="WebKeyRingContext"/>),
/// less the deviations <see cref="KnownDeviations"/> lists with their reasons.
/// </summary>
internal static class SchemaDrift
{
    public static async Task<List<string>> FindAsync(TestDatabase db, bool withKnown = false)
    {
        await using var context = db.NewContext();
        var model = new Dictionary<string, TableShape>(ModelSchema.Read(context), StringComparer.Ordinal);
        foreach (var ring in KeyRings(db.Settings))
        {
            await using (ring)
            {
                foreach (var (name, table) in ModelSchema.Read(ring))
                {
                    model.Add(name, table);
                }
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

    private static KeyRingContext[] KeyRings(DatabaseSettings settings)
    {
        var passKeys = new DbContextOptionsBuilder<DataProtectionKeysContext>();
        var web = new DbContextOptionsBuilder<WebKeyRingContext>();
        KeyRingContext.Use(passKeys, settings);
        KeyRingContext.Use(web, settings);
        return [new DataProtectionKeysContext(passKeys.Options), new WebKeyRingContext(web.Options)];
    }
}
