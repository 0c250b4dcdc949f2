using Fangkong.Data.Concurrency;
using Fangkong.Passes;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Quarantine.Transfers;

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> builder)
    {
        builder.ToTable("transfer_vehicles");
        builder.HasRowVersion();
        builder.Property(v => v.Plate).HasMaxLength(VehiclePlate.MaxLength);
        builder.Property(v => v.Crew).HasMaxLength(Vehicle.CrewMaxLength);
        builder.Property(v => v.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.DisinfectedBy).HasMaxLength(256);
        builder.HasIndex(v => v.Plate).IsUnique();
        builder.HasIndex(v => v.RegionCode);
    }
}

internal sealed class TransferTaskConfiguration : IEntityTypeConfiguration<TransferTask>
{
    public void Configure(EntityTypeBuilder<TransferTask> builder)
    {
        builder.ToTable("transfer_tasks");
        builder.HasRowVersion();
        builder.Property(t => t.IdNumber).HasMaxLength(Person.DocumentNumberMaxLength);
        builder.Property(t => t.Name).HasMaxLength(Person.NameMaxLength);
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.FromAddress).HasMaxLength(TransferTask.AddressMaxLength);
        builder.Property(t => t.SiteName).HasMaxLength(TransferTask.SiteNameMaxLength);
        builder.Property(t => t.SiteRegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Note).HasMaxLength(TransferTask.NoteMaxLength);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Ignore(t => t.County);
        builder.Ignore(t => t.CrossCity);
        builder.Ignore(t => t.IsOpen);
        builder.HasIndex(t => new { t.RegionCode, t.State });
        builder.HasIndex(t => new { t.IdentifiedAt, t.CheckedInAt });
        builder.HasIndex(t => t.IdNumber);
        builder.HasIndex(t => t.BatchId);
        builder.HasIndex(t => t.PlacementId);
        builder.HasOne<Quarantine.Placement>().WithMany().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quarantine.QuarantineSite>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TransferBatch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransferBatchConfiguration : IEntityTypeConfiguration<TransferBatch>
{
    public void Configure(EntityTypeBuilder<TransferBatch> builder)
    {
        builder.ToTable("transfer_batches");
        builder.HasRowVersion();
        builder.Property(b => b.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(b => b.SiteName).HasMaxLength(TransferTask.SiteNameMaxLength);
        builder.Property(b => b.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.DispatchedBy).HasMaxLength(256);
        builder.HasIndex(b => new { b.RegionCode, b.State });
        builder.HasIndex(b => b.VehicleId);
        builder.HasOne<Vehicle>().WithMany().HasForeignKey(b => b.VehicleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Quarantine.QuarantineSite>().WithMany().HasForeignKey(e => e.SiteId).OnDelete(DeleteBehavior.Restrict);
    }
}
