using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_log");
        builder.Property(a => a.UserName).HasMaxLength(AuditEntry.UserMaxLength);
        builder.Property(a => a.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        builder.Property(a => a.Entity).HasMaxLength(AuditEntry.EntityMaxLength);
        builder.Property(a => a.EntityKey).HasMaxLength(AuditEntry.KeyMaxLength);
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasIndex(a => new { a.Entity, a.EntityKey });
        builder.HasIndex(a => a.At);
        builder.Property(a => a.ClientAddress).HasMaxLength(AuditEntry.ClientAddressMaxLength);
        builder.Property(a => a.UserAgent).HasMaxLength(AuditEntry.UserAgentMaxLength);
        builder.Property(a => a.UserRegion).HasMaxLength(RegionCode.MaxLength);
        // The audit page filters by user and pages by id, newest first.
        builder.HasIndex(a => new { a.UserName, a.Id });
    }
}
