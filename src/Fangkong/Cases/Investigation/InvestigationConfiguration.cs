using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Cases.Investigation;

internal sealed class CaseInvestigationConfiguration : IEntityTypeConfiguration<CaseInvestigation>
{
    public void Configure(EntityTypeBuilder<CaseInvestigation> builder)
    {
        builder.ToTable("case_investigations");
        builder.Property(i => i.CaseNo).HasMaxLength(Case.CaseNoMaxLength);
        builder.Property(i => i.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(i => i.Investigator).HasMaxLength(CaseInvestigation.InvestigatorMaxLength);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(i => i.CaseId).IsUnique();
        builder.HasIndex(i => i.RegionCode);
        builder.HasIndex(i => new { i.State, i.DeadlineAt });
        builder.HasOne<Case>().WithMany().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PolicyVersion>().WithMany().HasForeignKey(i => i.PolicyVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Itinerary).WithOne().HasForeignKey(e => e.InvestigationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Itinerary).HasField("_itinerary");
    }
}

internal sealed class ItineraryEntryConfiguration : IEntityTypeConfiguration<ItineraryEntry>
{
    public void Configure(EntityTypeBuilder<ItineraryEntry> builder)
    {
        builder.ToTable("investigation_itinerary");
        builder.Property(e => e.PlaceText).HasMaxLength(ItineraryEntry.PlaceTextMaxLength);
        builder.Property(e => e.Note).HasMaxLength(ItineraryEntry.NoteMaxLength);
        builder.HasIndex(e => e.InvestigationId);
        builder.HasOne<Places.Place>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("check_ins");
        builder.Property(c => c.IdNumber).HasMaxLength(Case.IdNumberMaxLength);
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);

        // "Who was at place P between t1 and t2" and "where was person X between t1 and t2".
        builder.HasIndex(c => new { c.PlaceId, c.CheckedInAt });
        builder.HasIndex(c => new { c.IdNumber, c.CheckedInAt });
        builder.HasIndex(c => c.RegionCode);
        builder.HasOne<Places.Place>().WithMany().HasForeignKey(c => c.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactCandidateConfiguration : IEntityTypeConfiguration<ContactCandidate>
{
    public void Configure(EntityTypeBuilder<ContactCandidate> builder)
    {
        builder.ToTable("contact_candidates");
        builder.Property(c => c.CaseNo).HasMaxLength(Case.CaseNoMaxLength);
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.IdNumber).HasMaxLength(Case.IdNumberMaxLength);
        builder.Property(c => c.Name).HasMaxLength(Case.NameMaxLength);
        builder.Property(c => c.PersonRegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.Reasons).HasMaxLength(100);
        builder.Property(c => c.Detail).HasMaxLength(ContactCandidate.DetailMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.DecidedBy).HasMaxLength(CaseInvestigation.InvestigatorMaxLength);
        builder.Property(c => c.DismissReason).HasMaxLength(ContactCandidate.DismissReasonMaxLength);
        builder.Property(c => c.ContactNo).HasMaxLength(Contact.ContactNoMaxLength);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.SourceContactNo).HasMaxLength(Contact.ContactNoMaxLength);
        builder.Ignore(c => c.ReasonList);
        builder.HasIndex(c => new { c.InvestigationId, c.IdNumber }).IsUnique();
        builder.HasIndex(c => c.RegionCode);
        builder.HasOne<CaseInvestigation>().WithMany().HasForeignKey(c => c.InvestigationId).OnDelete(DeleteBehavior.Cascade);
    }
}
