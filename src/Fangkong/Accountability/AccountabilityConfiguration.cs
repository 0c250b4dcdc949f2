using Fangkong.Data.Concurrency;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Accountability;

internal sealed class AccountabilityCaseConfiguration : IEntityTypeConfiguration<AccountabilityCase>
{
    public void Configure(EntityTypeBuilder<AccountabilityCase> builder)
    {
        builder.ToTable("accountability_cases");
        builder.HasRowVersion();
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.Title).HasMaxLength(AccountabilityCase.TitleMaxLength);
        builder.Property(c => c.Facts).HasMaxLength(AccountabilityCase.FactsMaxLength);
        builder.Property(c => c.Consequence).HasMaxLength(AccountabilityCase.ConsequenceMaxLength);
        builder.Property(c => c.Failings).HasMaxLength(AccountabilityCase.FailingsMaxLength);
        builder.Property(c => c.IncidentLinks).HasMaxLength(AccountabilityCase.IncidentLinksMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.DecidingBody).HasMaxLength(AccountabilityCase.DecidingBodyMaxLength);
        builder.Property(c => c.DecidedBy).HasMaxLength(256);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.HasMany(c => c.Officials).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Findings).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Officials).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(c => c.Findings).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => new { c.RegionCode, c.Status });
    }
}

internal sealed class AccountableOfficialConfiguration : IEntityTypeConfiguration<AccountableOfficial>
{
    public void Configure(EntityTypeBuilder<AccountableOfficial> builder)
    {
        builder.ToTable("accountable_officials");
        builder.Property(o => o.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(o => o.Name).HasMaxLength(AccountableOfficial.NameMaxLength);
        builder.Property(o => o.Unit).HasMaxLength(AccountableOfficial.UnitMaxLength);
        builder.Property(o => o.Post).HasMaxLength(AccountableOfficial.PostMaxLength);
        builder.Property(o => o.OfficialRegion).HasMaxLength(RegionCode.MaxLength);
        builder.Property(o => o.Responsibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.ResponsibilityNote).HasMaxLength(AccountableOfficial.NoteMaxLength);
        builder.Property(o => o.Qualifier).HasMaxLength(AccountableOfficial.QualifierMaxLength);
        builder.Property(o => o.Measures).HasMaxLength(AccountableOfficial.MeasuresMaxLength);
        builder.Ignore(o => o.MeasureList);
        builder.HasIndex(o => o.CaseId);
        builder.HasIndex(o => o.RegionCode);
    }
}

internal sealed class AccountabilityCaseFindingConfiguration : IEntityTypeConfiguration<AccountabilityCaseFinding>
{
    public void Configure(EntityTypeBuilder<AccountabilityCaseFinding> builder)
    {
        builder.ToTable("accountability_case_findings");
        builder.Property(f => f.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasIndex(f => new { f.CaseId, f.FindingId }).IsUnique();
        builder.HasIndex(f => f.FindingId);
    }
}

internal sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> builder)
    {
        builder.ToTable("public_notices");
        builder.Property(n => n.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(n => n.Title).HasMaxLength(PublicNotice.TitleMaxLength);
        builder.Property(n => n.IssuingBody).HasMaxLength(PublicNotice.IssuingBodyMaxLength);
        builder.Property(n => n.Opening).HasMaxLength(PublicNotice.OpeningMaxLength);
        builder.Property(n => n.Closing).HasMaxLength(PublicNotice.ClosingMaxLength);
        builder.Property(n => n.CreatedBy).HasMaxLength(256);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.ApprovedBy).HasMaxLength(256);
        builder.Property(n => n.PublishedBy).HasMaxLength(256);
        builder.HasMany(n => n.Items).WithOne().HasForeignKey(i => i.NoticeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(n => n.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(n => n.RegionCode);
    }
}

internal sealed class PublicNoticeItemConfiguration : IEntityTypeConfiguration<PublicNoticeItem>
{
    public void Configure(EntityTypeBuilder<PublicNoticeItem> builder)
    {
        builder.ToTable("public_notice_items");
        builder.Property(i => i.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasIndex(i => new { i.NoticeId, i.Position }).IsUnique();
        builder.HasIndex(i => i.CaseId);
        builder.HasOne<AccountabilityCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
