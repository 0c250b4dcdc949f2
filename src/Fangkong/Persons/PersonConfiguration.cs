using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Persons;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("persons");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.DocumentType).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.DocumentNumber).HasMaxLength(Person.DocumentNumberMaxLength);
        builder.Property(p => p.Name).HasMaxLength(Person.NameMaxLength);
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(8);
        builder.Property(p => p.Phone).HasMaxLength(Person.PhoneMaxLength);
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(p => p.Room).HasMaxLength(Person.RoomMaxLength);
        builder.Property(p => p.HouseholdNo).HasMaxLength(Person.HouseholdNoMaxLength);
        builder.Property(p => p.HealthCode).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(p => new { p.DocumentType, p.DocumentNumber }).IsUnique();
        builder.HasIndex(p => p.RegionCode);
        builder.HasIndex(p => new { p.RegionCode, p.Name, p.Id });
        builder.HasIndex(p => p.Name);
        builder.HasIndex(p => p.Phone);
        builder.HasIndex(p => p.HouseholdNo);
        builder.HasIndex(p => new { p.BuildingUnitId, p.Room });
        builder.HasIndex(p => p.CompoundId);
    }
}
