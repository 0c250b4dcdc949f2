using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Regions;

internal sealed class ResidentCountConfiguration : IEntityTypeConfiguration<ResidentCount>
{
    public void Configure(EntityTypeBuilder<ResidentCount> builder)
    {
        builder.ToTable("resident_counts");
        builder.HasKey(r => r.RegionCode);
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.MaxLength);
    }
}
