using Fangkong.Cases;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Quarantine.HomeMonitoring;

internal sealed class HomeWatchConfiguration : IEntityTypeConfiguration<HomeWatch>
{
    public void Configure(EntityTypeBuilder<HomeWatch> builder)
    {
        builder.ToTable("home_watches");
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(w => w.IdNumber).HasMaxLength(Person.DocumentNumberMaxLength);
        builder.Property(w => w.Name).HasMaxLength(Person.NameMaxLength);
        builder.Property(w => w.Phone).HasMaxLength(Person.PhoneMaxLength);
        builder.Property(w => w.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(w => w.ContactNo).HasMaxLength(Contact.ContactNoMaxLength);
        builder.Property(w => w.CaseNo).HasMaxLength(Case.CaseNoMaxLength);
        builder.Property(w => w.OpenedBy).HasMaxLength(256);
        builder.Property(w => w.TestDays).HasMaxLength(PolicyVersion.DaysMaxLength);
        builder.Property(w => w.ReleasedBy).HasMaxLength(256);
        builder.HasIndex(w => new { w.RegionCode, w.StartsOn, w.EndsOn });
        builder.HasIndex(w => new { w.IdNumber, w.Kind, w.StartsOn }).IsUnique();
        builder.HasIndex(w => w.ContactNo);
    }
}

internal sealed class HomeCheckInConfiguration : IEntityTypeConfiguration<HomeCheckIn>
{
    public void Configure(EntityTypeBuilder<HomeCheckIn> builder)
    {
        builder.ToTable("home_check_ins");
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.Temperature).HasPrecision(4, 1);
        builder.Property(c => c.Symptoms).HasMaxLength(HomeCheckIn.SymptomsMaxLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
        builder.Ignore(c => c.Fever);
        builder.Ignore(c => c.Abnormal);
        builder.HasIndex(c => new { c.WatchId, c.Day }).IsUnique();
        builder.HasIndex(c => c.RegionCode);
        builder.HasOne<HomeWatch>().WithMany().HasForeignKey(c => c.WatchId);
    }
}

internal sealed class HomeBreachConfiguration : IEntityTypeConfiguration<HomeBreach>
{
    public void Configure(EntityTypeBuilder<HomeBreach> builder)
    {
        builder.ToTable("home_breaches");
        builder.Property(b => b.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(b => b.Description).HasMaxLength(HomeBreach.DescriptionMaxLength);
        builder.Property(b => b.ReportedBy).HasMaxLength(HomeBreach.ReporterMaxLength);
        builder.Property(b => b.RecordedBy).HasMaxLength(256);
        builder.Ignore(b => b.Delay);
        builder.HasIndex(b => new { b.WatchId, b.OccurredAt }).IsUnique();
        builder.HasIndex(b => b.RegionCode);
        builder.HasOne<HomeWatch>().WithMany().HasForeignKey(b => b.WatchId);
    }
}

internal sealed class HomeTestConfiguration : IEntityTypeConfiguration<HomeTest>
{
    public void Configure(EntityTypeBuilder<HomeTest> builder)
    {
        builder.ToTable("home_tests");
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(t => t.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.RecordedBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.WatchId, t.DueOn }).IsUnique();
        builder.HasIndex(t => t.RegionCode);
        builder.HasOne<HomeWatch>().WithMany().HasForeignKey(t => t.WatchId);
    }
}
