using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.InfectionFree;

internal sealed class InfectionFreeLabelConfiguration : IEntityTypeConfiguration<InfectionFreeLabel>
{
    public void Configure(EntityTypeBuilder<InfectionFreeLabel> builder)
    {
        builder.ToTable("infection_free_labels");
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(l => l.Name).HasMaxLength(InfectionFreeLabel.NameMaxLength);
        builder.Property(l => l.AppliedBy).HasMaxLength(256);
        builder.Property(l => l.ReviewedBy).HasMaxLength(256);
        builder.Property(l => l.RegisteredBy).HasMaxLength(256);
        builder.Property(l => l.RemovalReason).HasMaxLength(InfectionFreeLabel.ReasonMaxLength);
        builder.Ignore(l => l.UnitKey);
        builder.HasIndex(l => new { l.RegionCode, l.Status });
        builder.HasIndex(l => l.CompoundId);
    }
}

internal sealed class InfectionFreeNoticeConfiguration : IEntityTypeConfiguration<InfectionFreeNotice>
{
    public void Configure(EntityTypeBuilder<InfectionFreeNotice> builder)
    {
        builder.ToTable("infection_free_notices");
        builder.Property(n => n.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(n => n.Message).HasMaxLength(InfectionFreeNotice.MessageMaxLength);
        builder.HasIndex(n => new { n.RegionCode, n.At });
        builder.HasIndex(n => n.LabelId);
        builder.HasOne<InfectionFreeLabel>().WithMany().HasForeignKey(n => n.LabelId);
    }
}
