using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.ClosedLoop;

internal sealed class ClosedLoopGroupConfiguration : IEntityTypeConfiguration<ClosedLoopGroup>
{
    public void Configure(EntityTypeBuilder<ClosedLoopGroup> builder)
    {
        builder.ToTable("closed_loop_groups");
        builder.Property(g => g.Name).HasMaxLength(ClosedLoopGroup.NameMaxLength);
        builder.Property(g => g.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(g => g.CreatedBy).HasMaxLength(256);
        builder.HasIndex(g => g.RegionCode);
        builder.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Places.Place>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClosedLoopMemberConfiguration : IEntityTypeConfiguration<ClosedLoopMember>
{
    public void Configure(EntityTypeBuilder<ClosedLoopMember> builder)
    {
        builder.ToTable("closed_loop_members");
        builder.Property(m => m.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Schedule).HasConversion<string>().HasMaxLength(32);
        builder.Property(m => m.Quarters).HasMaxLength(ClosedLoopMember.QuartersMaxLength);
        builder.HasIndex(m => new { m.GroupId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
        builder.HasIndex(m => m.RegionCode);
        builder.HasOne<ClosedLoopGroup>().WithMany().HasForeignKey(m => m.GroupId);
    }
}

internal sealed class ClosedLoopBreachConfiguration : IEntityTypeConfiguration<ClosedLoopBreach>
{
    public void Configure(EntityTypeBuilder<ClosedLoopBreach> builder)
    {
        builder.ToTable("closed_loop_breaches");
        builder.Property(b => b.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(b => b.Key).HasMaxLength(ClosedLoopBreach.KeyMaxLength);
        builder.Property(b => b.Detail).HasMaxLength(ClosedLoopBreach.DetailMaxLength);
        builder.Property(b => b.RecordedBy).HasMaxLength(256);
        builder.HasIndex(b => new { b.GroupId, b.Key }).IsUnique();
        builder.HasIndex(b => new { b.RegionCode, b.Day });
        builder.HasOne<ClosedLoopGroup>().WithMany().HasForeignKey(b => b.GroupId);
    }
}
