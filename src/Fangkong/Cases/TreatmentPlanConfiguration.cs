using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Cases;

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> builder)
    {
        builder.ToTable("treatment_plans");
        builder.Property(p => p.Code).HasMaxLength(TreatmentPlan.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(TreatmentPlan.NameMaxLength);
        builder.Property(p => p.RegionPrefix).HasMaxLength(Regions.RegionCode.MaxLength);
        builder.Property(p => p.AfterRelease).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}
