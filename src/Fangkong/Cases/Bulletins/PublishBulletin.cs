using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Bulletins;

/// <summary>
/// Publishes a day's bulletin for a region: computes it as the records stand, freezes text and
/// figures. A day already published is refused unless a correction reason is given, which
/// publishes the next version. Only a finished day can be published (its 24:00 has passed).
/// </summary>
public static class PublishBulletin
{
    public sealed record Command(string? Region, DateOnly Date, string? Correction = null);

    public sealed record Published(long Id, string RegionCode, DateOnly Date, int Version, string Text, string FiguresSha256, DateTimeOffset PublishedAt, int? NoticeYear = null, int? NoticeNo = null);

    public static async Task<Result<Published>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Date >= ChinaTime.Today(time))
        {
            return Error.Invalid("date", ErrorText.Of("error.cases.day-not-ended-yet", command.Date));
        }

        var correction = command.Correction?.Trim();
        if (correction is { Length: > PublishedBulletin.NoteMaxLength })
        {
            return Error.Invalid("correction", ErrorText.Of("error.cases.correction-note-most-characters", PublishedBulletin.NoteMaxLength));
        }

        var built = await BuildDailyBulletin.HandleAsync(db, command.Region, command.Date, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        var bulletin = built.Value!;
        var region = bulletin.Region.Code;

        // Versions and the notice's number are read and taken in one transaction per region, one
        // at a time: two days' notices published at once would otherwise both take number N+1, and
        // the unique key would refuse one of them as if its day had been published.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RegionPublishingLock.TakeAsync(db, region, ct);
        var last = await db.PublishedBulletins.AsNoTracking().Where(p => p.RegionCode == region && p.Date == command.Date)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        if (last is not null && string.IsNullOrEmpty(correction))
        {
            return Error.Conflict(ErrorText.Of("error.cases.already-published-version-correction-needs", bulletin.Region.Name, command.Date, last.Version));
        }

        if (last is null && !string.IsNullOrEmpty(correction))
        {
            return Error.Invalid("correction", ErrorText.Of("error.cases.nothing-published-day-yet-there"));
        }

        var json = BulletinJson.From(bulletin);
        var (text, textEn, year, number) = (json.Text, json.TextEn, (int?)null, (int?)null);
        if (bulletin.Region.Level == Regions.RegionLevel.City)
        {
            // A city's notice is numbered per issuing unit and year of issue; a correction keeps its number.
            year = last?.NoticeYear ?? ChinaTime.Today(time).Year;
            number = last?.NoticeNo ?? 1 + (await db.PublishedBulletins.AsNoTracking()
                .Where(p => p.RegionCode == region && p.NoticeYear == year).MaxAsync(p => p.NoticeNo, ct) ?? 0);
            text = CityNoticeTextZh.Title(bulletin.Region.Name, year.Value, number.Value) + "\n" + text;
            textEn = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bulletin.Region.Name} COVID-19 prevention and control notice ({year} No. {number})") + "\n" + textEn;
        }

        var published = new PublishedBulletin(
            region, command.Date, (last?.Version ?? 0) + 1, text, textEn, BulletinFigures.Format(BulletinFigures.Of(bulletin)),
            db.Jurisdiction.UserName, time.GetUtcNow(), correction, year, number);
        db.PublishedBulletins.Add(published);
        try
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict(ErrorText.Of("error.cases.published-someone-else-moment-ago", bulletin.Region.Name, command.Date));
        }

        return new Published(published.Id, region, published.Date, published.Version, published.Text, published.FiguresSha256, published.PublishedAt, published.NoticeYear, published.NoticeNo);
    }
}
