using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Data;

/// <summary>
/// A Data Protection key ring kept in a table of the product's database, so that every process over
/// one database (the servers of a farm, the CLI) shares it. Each ring has its own table and its own
/// context (the pass-signing keys' <see cref="DataProtectionKeysContext"/>, the web host's cookie and
/// antiforgery ring): revoking one ring's keys never makes the other's data unreadable.
/// </summary>
public abstract class KeyRingContext(DbContextOptions options, string table) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The provider of <paramref name="settings"/>, without the product context's interceptors (the ring is written a few times a year).</summary>
    public static void Use(DbContextOptionsBuilder options, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        _ = settings.Provider == DatabaseProvider.Sqlite
            ? options.UseSqlite(settings.ConnectionString)
            : options.UseNpgsql(settings.ConnectionString);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable(table);
            b.Property(k => k.Id).HasColumnName("id");
            b.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            b.Property(k => k.Xml).HasColumnName("xml");
        });
    }
}
