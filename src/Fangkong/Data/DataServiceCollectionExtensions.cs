using Fangkong.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Fangkong.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext on the chosen provider, the migrator and the clock. The caller
    /// registers an <see cref="IJurisdictionAccessor"/> (the web host per request; the CLI the system one).
    /// </summary>
    public static IServiceCollection AddFangkongData(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IJurisdictionAccessor>(new FixedJurisdiction(Jurisdiction.System));
        services.AddDbContext<FangkongDbContext>(options => Configure(options, settings));
        services.AddScoped<Migrator>();
        return services;
    }

    /// <summary>
    /// A DbContext that sees everything, for start-up and background work that no user asked for.
    /// Never for a request: requests get the signed-in user's jurisdiction.
    /// </summary>
    public static FangkongDbContext CreateSystemContext(this IServiceProvider services) =>
        ActivatorUtilities.CreateInstance<FangkongDbContext>(services, new FixedJurisdiction(Jurisdiction.System));

    public static void Configure(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        if (settings.SqlitePath is { } path)
        {
            SqliteFilePermissions.Prepare(path);
        }

        _ = settings.Provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(settings.ConnectionString)
                .AddInterceptors(SqlitePrefixLikeInterceptor.Instance, Concurrency.SqliteWalInterceptor.Instance, Concurrency.SqliteImmediateTransactionInterceptor.Instance),
            _ => options.UseNpgsql(settings.ConnectionString),
        };
        options.AddInterceptors(Concurrency.RowVersionInterceptor.Instance);
        options.UseSnakeCaseNamingConvention();
    }
}
