using Fangkong.Data.Concurrency;
using Fangkong.Livelihood.Medical;
using Fangkong.Livelihood.Requests;
using Fangkong.Regions;
using Fangkong.Residences;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Livelihood;

internal sealed class ResidentRequestConfiguration : IEntityTypeConfiguration<ResidentRequest>
{
    public void Configure(EntityTypeBuilder<ResidentRequest> builder)
    {
        builder.ToTable("resident_requests");
        builder.HasRowVersion();
        builder.Property(r => r.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.TicketNo).HasMaxLength(ResidentRequest.TicketMaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Name).HasMaxLength(ResidentRequest.NameMaxLength);
        builder.Property(r => r.Phone).HasMaxLength(ResidentRequest.PhoneMaxLength);
        builder.Property(r => r.IdNumber).HasMaxLength(ResidentRequest.IdNumberMaxLength);
        builder.Property(r => r.Address).HasMaxLength(ResidentRequest.AddressMaxLength);
        builder.Property(r => r.Description).HasMaxLength(ResidentRequest.DescriptionMaxLength);
        builder.Property(r => r.ReceivedBy).HasMaxLength(ResidentRequest.ByMaxLength);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Assignee).HasMaxLength(ResidentRequest.AssigneeMaxLength);
        builder.Property(r => r.Resolution).HasMaxLength(ResidentRequest.NoteMaxLength);
        builder.Property(r => r.ReturnReason).HasMaxLength(ResidentRequest.NoteMaxLength);
        builder.Property(r => r.EscalatedTo).HasMaxLength(RegionCode.MaxLength);
        builder.Ignore(r => r.IsOpen);
        builder.HasOne<Compound>().WithMany().HasForeignKey(r => r.CompoundId).OnDelete(DeleteBehavior.Restrict);
        // One request per 12345 ticket: the database refuses the second of two concurrent posts.
        builder.HasIndex(r => r.TicketNo).IsUnique();
        builder.HasIndex(r => new { r.RegionCode, r.State });
        builder.HasIndex(r => new { r.State, r.DueAt });
        builder.HasIndex(r => r.ReceivedAt);
        builder.HasIndex(r => r.CompoundId);
    }
}

internal sealed class MedicalTripConfiguration : IEntityTypeConfiguration<MedicalTrip>
{
    public void Configure(EntityTypeBuilder<MedicalTrip> builder)
    {
        builder.ToTable("medical_trips");
        builder.HasRowVersion();
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.Need).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Hospital).HasMaxLength(MedicalTrip.HospitalMaxLength);
        builder.Property(t => t.Vehicle).HasMaxLength(MedicalTrip.VehicleMaxLength);
        builder.HasOne<ResidentRequest>().WithMany().HasForeignKey(t => t.RequestId).OnDelete(DeleteBehavior.Restrict);
        // One trip per request: a second open answers the first.
        builder.HasIndex(t => t.RequestId).IsUnique();
        builder.HasIndex(t => t.RegionCode);
        builder.HasIndex(t => new { t.Emergency, t.DispatchedAt });
    }
}
