using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Quarantine.Stay;

internal sealed class StayTestConfiguration : IEntityTypeConfiguration<StayTest>
{
    public void Configure(EntityTypeBuilder<StayTest> builder)
    {
        builder.ToTable("stay_tests");
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.RecordedBy).HasMaxLength(256);
        builder.Property(t => t.Lab).HasMaxLength(StayTest.LabMaxLength);
        builder.Property(t => t.SecondLab).HasMaxLength(StayTest.LabMaxLength);
        builder.Property(t => t.SecondResult).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(t => t.IsDualNegative);
        builder.HasIndex(t => new { t.PlacementId, t.DueOn }).IsUnique();
        builder.HasIndex(t => new { t.SiteId, t.DueOn });
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<Placement>().WithMany().HasForeignKey(t => t.PlacementId);
        builder.HasOne<Quarantine.QuarantineSite>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SpaceTurnoverConfiguration : IEntityTypeConfiguration<SpaceTurnover>
{
    public void Configure(EntityTypeBuilder<SpaceTurnover> builder)
    {
        builder.ToTable("space_turnovers");
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.SpaceNumber).HasMaxLength(Space.NumberMaxLength);
        builder.Ignore(t => t.Duration);
        builder.HasIndex(t => new { t.SiteId, t.ReleasedAt });
        builder.HasIndex(t => t.RoomId);
        builder.HasIndex(t => t.BedId);
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<Quarantine.QuarantineSite>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quarantine.QuarantineRoom>().WithMany().HasForeignKey(e => e.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quarantine.HospitalBed>().WithMany().HasForeignKey(e => e.BedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quarantine.Placement>().WithMany().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Restrict);
    }
}
