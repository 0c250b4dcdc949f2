using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Residences;

internal sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> builder)
    {
        builder.ToTable("compounds");
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.Name).HasMaxLength(Compound.NameMaxLength);
        builder.HasIndex(c => new { c.RegionCode, c.Name }).IsUnique();
    }
}

internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.ToTable("buildings");
        builder.Property(b => b.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(b => b.Name).HasMaxLength(Building.NameMaxLength);
        builder.HasOne<Compound>().WithMany().HasForeignKey(b => b.CompoundId);
        builder.HasIndex(b => new { b.CompoundId, b.Name }).IsUnique();
    }
}

internal sealed class BuildingUnitConfiguration : IEntityTypeConfiguration<BuildingUnit>
{
    public void Configure(EntityTypeBuilder<BuildingUnit> builder)
    {
        builder.ToTable("building_units");
        builder.Property(u => u.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(u => u.Name).HasMaxLength(BuildingUnit.NameMaxLength);
        builder.HasOne<Building>().WithMany().HasForeignKey(u => u.BuildingId);
        builder.HasIndex(u => new { u.BuildingId, u.Name }).IsUnique();
    }
}
