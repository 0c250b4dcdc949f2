using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Testing;

internal sealed class LabCutOffConfiguration : IEntityTypeConfiguration<LabCutOff>
{
    public void Configure(EntityTypeBuilder<LabCutOff> builder)
    {
        builder.ToTable("lab_cut_offs");
        builder.Property(c => c.Code).HasMaxLength(LabCutOff.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(LabCutOff.NameMaxLength);
        builder.Property(c => c.RegionPrefix).HasMaxLength(Regions.RegionCode.MaxLength);
        builder.HasIndex(c => c.Code).IsUnique();
    }
}
