using Fangkong.Places;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Cases.Clusters;

internal sealed class CaseLinkConfiguration : IEntityTypeConfiguration<CaseLink>
{
    public void Configure(EntityTypeBuilder<CaseLink> builder)
    {
        builder.ToTable("case_links");
        builder.Property(l => l.Target).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.HouseholdNo).HasMaxLength(Persons.Person.HouseholdNoMaxLength);
        builder.Property(l => l.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(l => l.TargetKey).HasMaxLength(CaseLink.TargetKeyMaxLength);
        builder.HasIndex(l => new { l.CaseId, l.TargetKey, l.On }).IsUnique();
        builder.HasIndex(l => new { l.TargetKey, l.On });
        builder.HasIndex(l => l.RegionCode);
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Place>().WithMany().HasForeignKey(l => l.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.ToTable("clusters");
        builder.Property(c => c.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(c => c.TargetKey).HasMaxLength(CaseLink.TargetKeyMaxLength);
        builder.Property(c => c.PlaceName).HasMaxLength(Place.NameMaxLength);
        builder.Property(c => c.PlaceKind).HasConversion<string>().HasMaxLength(24);
        builder.Property(c => c.HouseholdNo).HasMaxLength(Persons.Person.HouseholdNoMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(c => c.RegionCode);
        builder.HasIndex(c => new { c.Status, c.LastCaseOn });
        builder.HasMany(c => c.Cases).WithOne().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Cases).HasField("_cases");
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.ClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.History).HasField("_history");
        builder.HasOne<Cluster>().WithMany().HasForeignKey(e => e.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Places.Place>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClusterCaseConfiguration : IEntityTypeConfiguration<ClusterCase>
{
    public void Configure(EntityTypeBuilder<ClusterCase> builder)
    {
        builder.ToTable("cluster_cases");
        builder.HasIndex(m => m.ClusterId);
        builder.HasIndex(m => m.CaseId);
        builder.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClusterEventConfiguration : IEntityTypeConfiguration<ClusterEvent>
{
    public void Configure(EntityTypeBuilder<ClusterEvent> builder)
    {
        builder.ToTable("cluster_events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(e => e.ClusterId);
        builder.HasOne<Cluster>().WithMany().HasForeignKey(e => e.OtherClusterId).OnDelete(DeleteBehavior.Restrict);
    }
}
