using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Supervision.Inspections;

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> builder)
    {
        builder.ToTable("checklist_templates");
        builder.Property(t => t.Key).HasMaxLength(ChecklistTemplate.KeyMaxLength);
        builder.Property(t => t.TargetType).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Title).HasMaxLength(ChecklistTemplate.TitleMaxLength);
        builder.Property(t => t.CreatedBy).HasMaxLength(ChecklistTemplate.ByMaxLength);
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Items).HasField("_items");
        builder.HasIndex(t => new { t.Key, t.Version }).IsUnique();
        builder.HasIndex(t => new { t.TargetType, t.IsCurrent });
    }
}

internal sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.ToTable("checklist_items");
        builder.Property(i => i.Text).HasMaxLength(ChecklistItem.TextMaxLength);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.Severity).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => new { i.TemplateId, i.No }).IsUnique();
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> builder)
    {
        builder.ToTable("inspections");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(i => i.TargetKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(i => i.TargetName).HasMaxLength(Inspection.TargetNameMaxLength);
        builder.Property(i => i.Inspectors).HasMaxLength(Inspection.InspectorsMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.CreatedBy).HasMaxLength(ChecklistTemplate.ByMaxLength);
        builder.Property(i => i.Summary).HasMaxLength(Inspection.SummaryMaxLength);
        builder.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(i => i.ChecklistTemplateId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Results).WithOne().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Results).HasField("_results");
        builder.Ignore(i => i.InspectorList);
        builder.HasIndex(i => new { i.RegionCode, i.Status });
        builder.HasIndex(i => i.PlannedOn);
        builder.HasOne<Inspection>().WithMany().HasForeignKey(e => e.ReviewOfInspectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Places.Place>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InspectionResultConfiguration : IEntityTypeConfiguration<InspectionResult>
{
    public void Configure(EntityTypeBuilder<InspectionResult> builder)
    {
        builder.ToTable("inspection_results");
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Note).HasMaxLength(InspectionResult.NoteMaxLength);
        builder.Property(r => r.RecordedBy).HasMaxLength(ChecklistTemplate.ByMaxLength);
        builder.HasOne<ChecklistItem>().WithMany().HasForeignKey(r => r.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.InspectionId, r.ChecklistItemId }).IsUnique();
        builder.HasIndex(r => r.RegionCode);
        builder.HasOne<Supervision.Findings.Finding>().WithMany().HasForeignKey(e => e.FindingId).OnDelete(DeleteBehavior.Restrict);
    }
}
