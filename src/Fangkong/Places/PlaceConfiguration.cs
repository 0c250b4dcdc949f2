using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Places;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.ToTable("places");
        builder.Property(p => p.Name).HasMaxLength(Place.NameMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(p => p.Address).HasMaxLength(Place.AddressMaxLength);
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => new { p.RegionCode, p.Name }).IsUnique();
    }
}
