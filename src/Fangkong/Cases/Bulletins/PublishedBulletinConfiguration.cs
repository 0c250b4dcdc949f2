using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fangkong.Cases.Bulletins;

internal sealed class PublishedBulletinConfiguration : IEntityTypeConfiguration<PublishedBulletin>
{
    public void Configure(EntityTypeBuilder<PublishedBulletin> builder)
    {
        builder.ToTable("published_bulletins");
        builder.Property(p => p.RegionCode).HasMaxLength(RegionCode.MaxLength);
        builder.Property(p => p.Text).HasMaxLength(PublishedBulletin.TextMaxLength);
        builder.Property(p => p.TextEn).HasMaxLength(PublishedBulletin.TextMaxLength);
        builder.Property(p => p.Figures).HasMaxLength(PublishedBulletin.FiguresMaxLength);
        builder.Property(p => p.FiguresSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.Property(p => p.Correction).HasMaxLength(PublishedBulletin.NoteMaxLength);
        builder.HasIndex(p => new { p.RegionCode, p.Date, p.Version }).IsUnique();
        builder.HasIndex(p => p.Date);
        // A city's notice number is taken once per unit, year and version (migration 0165).
        builder.HasIndex(p => new { p.RegionCode, p.NoticeYear, p.NoticeNo, p.Version }, "ux_published_bulletins_notice").IsUnique().HasFilter("notice_no IS NOT NULL");
    }
}
