using Fangkong.Data.Concurrency;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Testing;

internal sealed class TestingRoundConfiguration : IEntityTypeConfiguration<TestingRound>
{
    public void Configure(EntityTypeBuilder<TestingRound> builder)
    {
        builder.ToTable("testing_rounds");
        builder.Property(r => r.Name).HasMaxLength(TestingRound.NameMaxLength);
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => r.RegionCode);
    }
}

internal sealed class TubeConfiguration : IEntityTypeConfiguration<Tube>
{
    public void Configure(EntityTypeBuilder<Tube> builder)
    {
        builder.ToTable("tubes");
        builder.HasRowVersion();
        builder.Property(t => t.Barcode).HasMaxLength(Tube.BarcodeMaxLength);
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.SamplingPoint).HasMaxLength(Tube.PointMaxLength);
        builder.Property(t => t.Lab).HasMaxLength(Tube.LabMaxLength);
        builder.Property(t => t.Result).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => t.Barcode).IsUnique();
        builder.HasIndex(t => new { t.RoundId, t.Result });
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(t => t.RoundId);
        builder.HasOne<SamplingPoint>().WithMany().HasForeignKey(e => e.SamplingPointId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SampleConfiguration : IEntityTypeConfiguration<Sample>
{
    public void Configure(EntityTypeBuilder<Sample> builder)
    {
        builder.ToTable("samples");
        builder.Property(s => s.ClientId).HasMaxLength(Sample.ClientIdMaxLength);
        builder.Property(s => s.DocumentNumber).HasMaxLength(Person.DocumentNumberMaxLength);
        builder.Property(s => s.PersonRegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(s => s.Sampler).HasMaxLength(Sample.SamplerMaxLength);
        // On PostgreSQL samples are partitioned by round (migration 0135): the primary key there is
        // (id, round_id) and every unique key names the round. The id alone stays unique (one
        // identity for all partitions), so EF keys a sample by it on both providers.
        builder.HasIndex(s => new { s.ClientId, s.RoundId }).IsUnique();
        builder.HasIndex(s => new { s.TubeId, s.DocumentNumber, s.RoundId }).IsUnique();
        builder.HasIndex(s => new { s.RoundId, s.PersonRegionCode });
        builder.HasIndex(s => new { s.RoundId, s.PersonId });
        builder.HasIndex(s => s.RegionCode);
        builder.HasOne<Tube>().WithMany().HasForeignKey(s => s.TubeId);
    }
}

internal sealed class ControlOrderConfiguration : IEntityTypeConfiguration<ControlOrder>
{
    public void Configure(EntityTypeBuilder<ControlOrder> builder)
    {
        builder.ToTable("control_orders");
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.Reason).HasMaxLength(ControlOrder.ReasonMaxLength);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => c.PersonId);
        builder.HasIndex(c => c.TubeId);
        builder.HasIndex(c => c.RegionCode);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tube>().WithMany().HasForeignKey(e => e.TubeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResampleTaskConfiguration : IEntityTypeConfiguration<ResampleTask>
{
    public void Configure(EntityTypeBuilder<ResampleTask> builder)
    {
        builder.ToTable("resample_tasks");
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => new { t.RoundId, t.PersonId });
        builder.HasIndex(t => t.SourceTubeId);
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tube>().WithMany().HasForeignKey(e => e.SourceTubeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tube>().WithMany().HasForeignKey(e => e.RetestTubeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AntigenReportConfiguration : IEntityTypeConfiguration<AntigenReport>
{
    public void Configure(EntityTypeBuilder<AntigenReport> builder)
    {
        builder.ToTable("antigen_reports");
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ReportedBy).HasMaxLength(256);
        builder.HasIndex(a => a.PersonId);
        builder.HasIndex(a => a.RegionCode);
    }
}

internal sealed class ConfirmationTaskConfiguration : IEntityTypeConfiguration<ConfirmationTask>
{
    public void Configure(EntityTypeBuilder<ConfirmationTask> builder)
    {
        builder.ToTable("confirmation_tasks");
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(t => new { t.PersonId, t.Status });
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<AntigenReport>().WithMany().HasForeignKey(e => e.AntigenReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tube>().WithMany().HasForeignKey(e => e.TubeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundExemptionConfiguration : IEntityTypeConfiguration<RoundExemption>
{
    public void Configure(EntityTypeBuilder<RoundExemption> builder)
    {
        builder.ToTable("round_exemptions");
        builder.Property(e => e.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Note).HasMaxLength(RoundExemption.NoteMaxLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.RoundId, e.PersonId }).IsUnique();
        builder.HasIndex(e => e.RegionCode);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(e => e.RoundId);
    }
}

internal sealed class PositivePersonConfiguration : IEntityTypeConfiguration<PositivePerson>
{
    public void Configure(EntityTypeBuilder<PositivePerson> builder)
    {
        builder.ToTable("positive_persons");
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.CaseNo).HasMaxLength(PositivePerson.CaseNoMaxLength);
        builder.HasIndex(p => new { p.TubeId, p.PersonId }).IsUnique();
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => p.CaseNo);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tube>().WithMany().HasForeignKey(e => e.TubeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SamplingPointConfiguration : IEntityTypeConfiguration<SamplingPoint>
{
    public void Configure(EntityTypeBuilder<SamplingPoint> builder)
    {
        builder.ToTable("sampling_points");
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(p => p.Name).HasMaxLength(SamplingPoint.NameMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => new { p.RegionCode, p.Name }).IsUnique();
        builder.HasMany(p => p.Samplers).WithOne().HasForeignKey(s => s.SamplingPointId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Samplers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<Places.Place>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PointSamplerConfiguration : IEntityTypeConfiguration<PointSampler>
{
    public void Configure(EntityTypeBuilder<PointSampler> builder)
    {
        builder.ToTable("sampling_point_samplers");
        builder.Property(s => s.UserName).HasMaxLength(256);
        builder.HasIndex(s => new { s.SamplingPointId, s.UserName }).IsUnique();
    }
}

internal sealed class CommunityAlertConfiguration : IEntityTypeConfiguration<CommunityAlert>
{
    public void Configure(EntityTypeBuilder<CommunityAlert> builder)
    {
        builder.ToTable("community_alerts");
        builder.Property(a => a.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.TubeId, a.RegionCode }).IsUnique();
        builder.HasIndex(a => a.RegionCode);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tube>().WithMany().HasForeignKey(e => e.TubeId).OnDelete(DeleteBehavior.Restrict);
    }
}
