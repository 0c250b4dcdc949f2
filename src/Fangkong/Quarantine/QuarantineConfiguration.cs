using Fangkong.Data.Concurrency;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Quarantine;

internal sealed class QuarantineSiteConfiguration : IEntityTypeConfiguration<QuarantineSite>
{
    public void Configure(EntityTypeBuilder<QuarantineSite> builder)
    {
        builder.ToTable("quarantine_sites");
        builder.Property(s => s.Name).HasMaxLength(QuarantineSite.NameMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(s => s.Address).HasMaxLength(QuarantineSite.AddressMaxLength);
        builder.Property(s => s.ContactName).HasMaxLength(QuarantineSite.ContactMaxLength);
        builder.Property(s => s.ContactPhone).HasMaxLength(QuarantineSite.PhoneMaxLength);
        builder.Ignore(s => s.CityCode);
        builder.HasIndex(s => s.RegionCode);
        builder.HasIndex(s => new { s.RegionCode, s.Name }).IsUnique();
    }
}

internal sealed class SiteSectionConfiguration : IEntityTypeConfiguration<SiteSection>
{
    public void Configure(EntityTypeBuilder<SiteSection> builder)
    {
        builder.ToTable("site_sections");
        builder.Property(s => s.Name).HasMaxLength(SiteSection.NameMaxLength);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasOne<QuarantineSite>().WithMany().HasForeignKey(s => s.SiteId);
        builder.HasIndex(s => new { s.SiteId, s.Number }).IsUnique();
        builder.HasIndex(s => s.RegionCode);
    }
}

internal sealed class QuarantineRoomConfiguration : IEntityTypeConfiguration<QuarantineRoom>
{
    public void Configure(EntityTypeBuilder<QuarantineRoom> builder)
    {
        builder.ToTable("quarantine_rooms");
        builder.HasRowVersion();
        SpaceMapping.Configure(builder);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class HospitalBedConfiguration : IEntityTypeConfiguration<HospitalBed>
{
    public void Configure(EntityTypeBuilder<HospitalBed> builder)
    {
        builder.ToTable("hospital_beds");
        builder.HasRowVersion();
        SpaceMapping.Configure(builder);
    }
}

/// <summary>The columns rooms and beds share (they are two tables: <see cref="Space"/> is not mapped itself).</summary>
internal static class SpaceMapping
{
    public static void Configure<T>(EntityTypeBuilder<T> builder)
        where T : Space
    {
        builder.Property(s => s.Number).HasMaxLength(Space.NumberMaxLength);
        builder.Property(s => s.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.Note).HasMaxLength(Space.NoteMaxLength);
        builder.HasOne<QuarantineSite>().WithMany().HasForeignKey(s => s.SiteId);
        builder.HasOne<SiteSection>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(s => new { s.SiteId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.SiteId, s.State });
        builder.HasIndex(s => s.SectionId);
        builder.HasIndex(s => s.RegionCode);
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.ToTable("placements");
        builder.HasRowVersion();
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.Name).HasMaxLength(Placement.NameMaxLength);
        builder.Property(p => p.Severity).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DependantReason).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Reason).HasMaxLength(Placement.ReasonMaxLength);
        builder.Property(p => p.EndReason).HasMaxLength(Placement.ReasonMaxLength);
        builder.Property(p => p.PlacedBy).HasMaxLength(Placement.ByMaxLength);
        builder.Ignore(p => p.IsActive);
        builder.Ignore(p => p.SpaceId);
        builder.HasOne<QuarantineSite>().WithMany().HasForeignKey(p => p.SiteId).OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(p => new { p.RegionCode, p.State });
        builder.HasIndex(p => new { p.SiteId, p.State });
        builder.HasIndex(p => new { p.SectionId, p.State });
        builder.HasIndex(p => p.RoomId);
        builder.HasIndex(p => p.BedId);
        builder.HasIndex(p => p.PersonId);
        builder.HasIndex(p => p.ContactId);
        builder.HasIndex(p => p.CaseId);
        builder.HasOne<SiteSection>().WithMany().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuarantineRoom>().WithMany().HasForeignKey(e => e.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HospitalBed>().WithMany().HasForeignKey(e => e.BedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Placement>().WithMany().HasForeignKey(e => e.DependantOfPlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Placement>().WithMany().HasForeignKey(e => e.PreviousPlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AllocationRun>().WithMany().HasForeignKey(e => e.AllocationRunId).OnDelete(DeleteBehavior.Restrict);

        // One open placement per person (migration 0140): the database refuses a second one made by a concurrent run.
        const string Open = "state IN ('Placed', 'CheckedIn')";
        builder.HasIndex(p => p.ContactId, "ux_placements_open_contact").IsUnique().HasFilter($"contact_id IS NOT NULL AND {Open}");
        builder.HasIndex(p => p.CaseId, "ux_placements_open_case").IsUnique().HasFilter($"case_id IS NOT NULL AND {Open}");
        builder.HasIndex(p => p.PersonId, "ux_placements_open_pool_member").IsUnique()
            .HasFilter($"kind = 'PositivePoolMember' AND person_id IS NOT NULL AND {Open}");
    }
}

internal sealed class DependantDeclarationConfiguration : IEntityTypeConfiguration<DependantDeclaration>
{
    public void Configure(EntityTypeBuilder<DependantDeclaration> builder)
    {
        builder.ToTable("dependant_declarations");
        builder.Property(d => d.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.DeclaredBy).HasMaxLength(Placement.ByMaxLength);
        builder.HasIndex(d => new { d.Kind, d.DependantKey }).IsUnique();
        builder.HasIndex(d => d.RegionCode);
    }
}

internal sealed class CentralQuarantineDecisionConfiguration : IEntityTypeConfiguration<CentralQuarantineDecision>
{
    public void Configure(EntityTypeBuilder<CentralQuarantineDecision> builder)
    {
        builder.ToTable("central_quarantine_decisions");
        builder.Property(d => d.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(d => d.DecidedBy).HasMaxLength(Placement.ByMaxLength);
        builder.Property(d => d.Note).HasMaxLength(CentralQuarantineDecision.NoteMaxLength);
        builder.HasIndex(d => d.PersonId);
        builder.HasIndex(d => d.RegionCode);
    }
}

internal sealed class AllocationRunConfiguration : IEntityTypeConfiguration<AllocationRun>
{
    public void Configure(EntityTypeBuilder<AllocationRun> builder)
    {
        builder.ToTable("allocation_runs");
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(r => r.RunBy).HasMaxLength(Placement.ByMaxLength);
        builder.Property(r => r.Summary).HasMaxLength(AllocationRun.SummaryMaxLength);
        builder.HasIndex(r => new { r.RegionCode, r.StartedAt });
    }
}
