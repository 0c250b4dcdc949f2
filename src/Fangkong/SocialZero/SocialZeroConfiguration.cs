using Fangkong.Cases;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.SocialZero;

internal sealed class CaseClassificationConfiguration : IEntityTypeConfiguration<CaseClassification>
{
    public void Configure(EntityTypeBuilder<CaseClassification> builder)
    {
        builder.ToTable("case_classifications");
        builder.Property(c => c.CaseNo).HasMaxLength(Cases.Case.CaseNoMaxLength);
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Reason).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Note).HasMaxLength(CaseClassification.NoteMaxLength);
        builder.HasIndex(c => c.CaseNo).IsUnique();
        builder.HasIndex(c => new { c.RegionCode, c.ReportedOn });
    }
}

internal sealed class RegionPopulationConfiguration : IEntityTypeConfiguration<RegionPopulation>
{
    public void Configure(EntityTypeBuilder<RegionPopulation> builder)
    {
        builder.ToTable("region_populations");
        builder.HasKey(p => p.RegionCode);
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
    }
}
