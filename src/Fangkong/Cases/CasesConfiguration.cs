using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Cases;

internal sealed class PolicyVersionConfiguration : IEntityTypeConfiguration<PolicyVersion>
{
    public void Configure(EntityTypeBuilder<PolicyVersion> builder)
    {
        builder.ToTable("policy_versions");
        builder.Property(v => v.Code).HasMaxLength(PolicyVersion.CodeMaxLength);
        builder.Property(v => v.Name).HasMaxLength(PolicyVersion.NameMaxLength);
        builder.Property(v => v.RegionPrefix).HasMaxLength(RegionCode.MaxLength);
        builder.Property(v => v.CloseCentralTestDays).HasMaxLength(PolicyVersion.DaysMaxLength);
        builder.Property(v => v.CloseHomeTestDays).HasMaxLength(PolicyVersion.DaysMaxLength);
        builder.Property(v => v.SecondaryCentralTestDays).HasMaxLength(PolicyVersion.DaysMaxLength);
        builder.Property(v => v.SecondaryHomeTestDays).HasMaxLength(PolicyVersion.DaysMaxLength);
        builder.Property(v => v.AreaScheme).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(v => v.Code).IsUnique();
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.Property(c => c.CaseNo).HasMaxLength(Case.CaseNoMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Case.NameMaxLength);
        builder.Property(c => c.IdNumber).HasMaxLength(Case.IdNumberMaxLength);
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ReportedSeverity).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ConvertedFromCaseNo).HasMaxLength(Case.CaseNoMaxLength);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(c => c.IsConversion);
        builder.HasIndex(c => c.CaseNo).IsUnique();
        builder.HasIndex(c => c.RegionCode);
        builder.HasIndex(c => c.ReportedOn);
        builder.HasIndex(c => c.OutcomeOn);
        builder.HasIndex(c => c.ConvertedFromCaseNo);
        builder.HasIndex(c => c.IdNumber);
        builder.HasMany(c => c.SeverityHistory).WithOne().HasForeignKey(s => s.CaseId);
        builder.Navigation(c => c.SeverityHistory).HasField("_severityHistory");
    }
}

internal sealed class SeverityChangeConfiguration : IEntityTypeConfiguration<SeverityChange>
{
    public void Configure(EntityTypeBuilder<SeverityChange> builder)
    {
        builder.ToTable("case_severity_changes");
        builder.Property(s => s.Severity).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(s => s.CaseId);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.ToTable("contacts");
        builder.Property(c => c.ContactNo).HasMaxLength(Contact.ContactNoMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.SourceCaseNo).HasMaxLength(Case.CaseNoMaxLength);
        builder.Property(c => c.SourceContactNo).HasMaxLength(Contact.ContactNoMaxLength);
        builder.Property(c => c.IdNumber).HasMaxLength(Case.IdNumberMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Case.NameMaxLength);
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.QuarantinePlace).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.CentralTestDays).HasMaxLength(PolicyVersion.DaysMaxLength);
        builder.Property(c => c.HomeTestDays).HasMaxLength(PolicyVersion.DaysMaxLength);
        builder.Ignore(c => c.Order);
        builder.Ignore(c => c.QuarantineEndsOn);
        builder.Ignore(c => c.Calendar);
        builder.HasIndex(c => c.ContactNo).IsUnique();
        builder.HasIndex(c => c.RegionCode);
        builder.HasIndex(c => c.SourceCaseNo);
        builder.HasIndex(c => c.SourceContactNo);
        // Covers the bulletin's cumulative count (identified and released by a day, within a region): no table reads.
        builder.HasIndex(c => new { c.Kind, c.IdentifiedOn, c.ReleasedOn, c.RegionCode });
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(c => c.PolicyVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
