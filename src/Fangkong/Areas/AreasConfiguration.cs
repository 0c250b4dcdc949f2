using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Areas;

internal sealed class AreaDesignationConfiguration : IEntityTypeConfiguration<AreaDesignation>
{
    public void Configure(EntityTypeBuilder<AreaDesignation> builder)
    {
        builder.ToTable("area_designations");
        builder.Property(d => d.UnitKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(d => d.UnitName).HasMaxLength(AreaUnit.NameMaxLength);
        builder.Property(d => d.Scheme).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(AreaDesignation.ReasonMaxLength);
        builder.Property(d => d.ApprovingBody).HasMaxLength(AreaDesignation.BodyMaxLength);
        builder.Property(d => d.ApprovedBy).HasMaxLength(AreaDesignation.UserMaxLength);
        builder.Property(d => d.EndReason).HasMaxLength(AreaDesignation.ReasonMaxLength);
        builder.Property(d => d.EndedBy).HasMaxLength(AreaDesignation.UserMaxLength);
        builder.Ignore(d => d.Unit);
        // The designations in force under a region (map, evaluation) and one unit's history.
        builder.HasIndex(d => new { d.RegionCode, d.EndsOn });
        builder.HasIndex(d => new { d.UnitKind, d.UnitId });
        builder.HasOne<AreaProposal>().WithMany().HasForeignKey(e => e.ProposalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AreaProposalConfiguration : IEntityTypeConfiguration<AreaProposal>
{
    public void Configure(EntityTypeBuilder<AreaProposal> builder)
    {
        builder.ToTable("area_proposals");
        builder.Property(p => p.UnitKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(p => p.UnitName).HasMaxLength(AreaUnit.NameMaxLength);
        builder.Property(p => p.FromLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ToLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Rule).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.Facts).HasMaxLength(AreaProposal.FactsMaxLength);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DecidedBy).HasMaxLength(AreaDesignation.UserMaxLength);
        builder.Property(p => p.DecisionReason).HasMaxLength(AreaDesignation.ReasonMaxLength);
        builder.Property(p => p.ApprovingBody).HasMaxLength(AreaDesignation.BodyMaxLength);
        builder.Ignore(p => p.Unit);
        builder.HasIndex(p => new { p.RegionCode, p.Status });
        builder.HasOne<AreaDesignation>().WithMany().HasForeignKey(p => p.DesignationId).OnDelete(DeleteBehavior.Restrict);
    }
}
