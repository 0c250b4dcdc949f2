using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Data;

/// <summary>
/// The Data Protection key ring's own DbContext, over the product's database (table
/// <c>data_protection_keys</c>, migration 0106). Kept apart from <see cref="FangkongDbContext"/> so
/// that the ring's XML (which holds its master keys) never passes through the audit log.
/// </summary>
internal sealed class DataProtectionKeysContext(DbContextOptions<DataProtectionKeysContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>(b =>
        {
            b.ToTable("data_protection_keys");
            b.Property(k => k.Id).HasColumnName("id");
            b.Property(k => k.FriendlyName).HasColumnName("friendly_name");
            b.Property(k => k.Xml).HasColumnName("xml");
        });
    }
}
