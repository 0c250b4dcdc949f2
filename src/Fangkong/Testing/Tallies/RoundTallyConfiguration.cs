using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Testing.Tallies;

internal sealed class RoundTallyConfiguration : IEntityTypeConfiguration<RoundTally>
{
    public void Configure(EntityTypeBuilder<RoundTally> builder)
    {
        builder.ToTable("round_tallies");
        builder.HasKey(t => new { t.RoundId, t.RegionCode });
        builder.Property(t => t.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundPersonConfiguration : IEntityTypeConfiguration<RoundPerson>
{
    public void Configure(EntityTypeBuilder<RoundPerson> builder)
    {
        builder.ToTable("round_people");
        builder.HasKey(p => new { p.RoundId, p.PersonId });
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.HasOne<TestingRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}
