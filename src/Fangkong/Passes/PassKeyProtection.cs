using System.Collections.Concurrent;
using Fangkong.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Passes;

/// <summary>
/// Encrypts pass-signing private keys at rest with ASP.NET Core Data Protection. The key ring is
/// kept in the same database (<see cref="DataProtectionKeysContext"/>), so every server of a farm,
/// the CLI and the demo seeding, given only a <see cref="FangkongDbContext"/>, find the ring of
/// the database the signing key lives in. See docs/decisions/0015-pass-key-protection.md.
/// </summary>
public static class PassKeyProtection
{
    /// <summary>Shared by every process over one database; a different name would make a different ring.</summary>
    public const string ApplicationName = "Fangkong";

    private const string Purpose = "Fangkong.Passes.SigningKey.v1";

    // One Data Protection set-up per database (a provider caches its key ring, so it is built once).
    private static readonly ConcurrentDictionary<(string Provider, string Connection), Lazy<IDataProtector>> Protectors = new();

    /// <summary>The protector of the pass-signing keys of <paramref name="db"/>'s database.</summary>
    public static IDataProtector For(FangkongDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var provider = db.Database.ProviderName ?? string.Empty;
        var connection = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        return Protectors.GetOrAdd((provider, connection), key => new Lazy<IDataProtector>(() => Create(key.Provider, key.Connection))).Value;
    }

    private static IDataProtector Create(string provider, string connection)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<DataProtectionKeysContext>(options =>
        {
            if (provider.Contains("Sqlite", StringComparison.Ordinal))
            {
                options.UseSqlite(connection);
            }
            else
            {
                options.UseNpgsql(connection);
            }
        });
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<DataProtectionKeysContext>()
            .ProtectKeysWithCertificate(KeyRingCertificate.Current());
        // Lives as long as the process: the protector and its cached key ring are used on every approval.
        var built = services.BuildServiceProvider();
        return built.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
    }
}
