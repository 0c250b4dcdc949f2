using Fangkong.Data.Concurrency;
using Fangkong.Organisations;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Supervision.Findings;

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        builder.ToTable("findings");
        builder.HasRowVersion();
        builder.Property(f => f.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.ComplaintRef).HasMaxLength(Finding.ComplaintRefMaxLength);
        builder.Property(f => f.DetectorKey).HasMaxLength(Finding.DetectorKeyMaxLength);
        builder.Property(f => f.DedupeKey).HasMaxLength(Finding.DedupeKeyMaxLength);
        builder.Property(f => f.Title).HasMaxLength(Finding.TitleMaxLength);
        builder.Property(f => f.Description).HasMaxLength(Finding.DescriptionMaxLength);
        builder.Property(f => f.Category).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.ResponsibleUnit).HasMaxLength(Finding.NameMaxLength);
        builder.Property(f => f.ResponsiblePerson).HasMaxLength(Finding.NameMaxLength);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.RaisedBy).HasMaxLength(Finding.ByMaxLength);
        builder.Property(f => f.Rectification).HasMaxLength(Finding.RectificationMaxLength);
        builder.Property(f => f.RectifiedBy).HasMaxLength(Finding.ByMaxLength);
        builder.Property(f => f.VerifiedBy).HasMaxLength(Finding.ByMaxLength);
        builder.Property(f => f.EscalatedTo).HasMaxLength(RegionCode.MaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(f => f.ResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Official>().WithMany().HasForeignKey(f => f.ResponsibleOfficialId).OnDelete(DeleteBehavior.Restrict);
        // The same problem is never raised twice: the database refuses a second finding with the key.
        builder.HasIndex(f => f.DedupeKey).IsUnique();
        builder.HasIndex(f => new { f.RegionCode, f.Status });
        builder.HasIndex(f => new { f.Status, f.Deadline });
        builder.HasIndex(f => f.InspectionId);
        builder.HasIndex(f => f.ResponsibleOfficialId);
        builder.HasOne<Supervision.Inspections.Inspection>().WithMany().HasForeignKey(e => e.InspectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supervision.Inspections.InspectionResult>().WithMany().HasForeignKey(e => e.InspectionResultId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Supervision.Inspections.Inspection>().WithMany().HasForeignKey(e => e.VerifiedByInspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FindingEventConfiguration : IEntityTypeConfiguration<FindingEvent>
{
    public void Configure(EntityTypeBuilder<FindingEvent> builder)
    {
        builder.ToTable("finding_events");
        builder.Property(e => e.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(24);
        builder.Property(e => e.By).HasMaxLength(Finding.ByMaxLength);
        builder.Property(e => e.Note).HasMaxLength(Finding.NoteMaxLength);
        builder.HasOne<Finding>().WithMany().HasForeignKey(e => e.FindingId);
        builder.HasIndex(e => e.FindingId);
        builder.HasIndex(e => e.RegionCode);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("evidence_files");
        builder.Property(e => e.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(e => e.FileName).HasMaxLength(EvidenceFile.FileNameMaxLength);
        builder.Property(e => e.ContentType).HasMaxLength(EvidenceFile.ContentTypeMaxLength);
        builder.Property(e => e.Sha256).HasMaxLength(EvidenceFile.Sha256Length).IsFixedLength();
        builder.Property(e => e.UploadedBy).HasMaxLength(Finding.ByMaxLength);
        builder.Property(e => e.Note).HasMaxLength(EvidenceFile.NoteMaxLength);
        builder.HasOne<Finding>().WithMany().HasForeignKey(e => e.FindingId);
        builder.HasOne<EvidenceBlob>().WithMany().HasForeignKey(e => e.Sha256).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.FindingId);
        builder.HasIndex(e => e.RegionCode);
    }
}

internal sealed class EvidenceBlobConfiguration : IEntityTypeConfiguration<EvidenceBlob>
{
    public void Configure(EntityTypeBuilder<EvidenceBlob> builder)
    {
        builder.ToTable("evidence_blobs");
        builder.HasKey(b => b.Sha256);
        builder.Property(b => b.Sha256).HasMaxLength(EvidenceFile.Sha256Length).IsFixedLength();
    }
}

internal sealed class EscalationNoticeConfiguration : IEntityTypeConfiguration<EscalationNotice>
{
    public void Configure(EntityTypeBuilder<EscalationNotice> builder)
    {
        builder.ToTable("escalation_notices");
        builder.Property(n => n.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(n => n.FromRegion).HasMaxLength(RegionCode.MaxLength);
        builder.Property(n => n.Text).HasMaxLength(EscalationNotice.TextMaxLength);
        builder.Property(n => n.AcknowledgedBy).HasMaxLength(Finding.ByMaxLength);
        builder.HasOne<Finding>().WithMany().HasForeignKey(n => n.FindingId);
        // One notice per finding and level: a runner that ticks twice does not notify twice.
        builder.HasIndex(n => new { n.FindingId, n.Level }).IsUnique();
        builder.HasIndex(n => n.RegionCode);
    }
}
