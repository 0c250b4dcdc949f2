using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Supervision.Detectors;

internal sealed class DetectorRunConfiguration : IEntityTypeConfiguration<DetectorRun>
{
    public void Configure(EntityTypeBuilder<DetectorRun> builder)
    {
        builder.ToTable("detector_runs");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(DetectorRun.KeyMaxLength);
        builder.Property(r => r.LastError).HasMaxLength(DetectorRun.ErrorMaxLength);
    }
}
