using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasIndex(o => new { o.RegionCode, o.Name }).IsUnique();
        builder.HasOne<Places.Place>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> builder)
    {
        builder.ToTable("officials");
        builder.Property(o => o.Name).HasMaxLength(Official.NameMaxLength);
        builder.Property(o => o.Post).HasMaxLength(Official.PostMaxLength);
        builder.Property(o => o.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId);
        builder.HasIndex(o => o.RegionCode);
    }
}
