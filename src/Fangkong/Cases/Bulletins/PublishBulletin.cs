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

    public sealed record Published(long Id, string RegionCode, DateOnly Date, int Version, string Text, string FiguresSha256, DateTimeOffset PublishedAt);

    public static async Task<Result<Published>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Date >= ChinaTime.Today(time))
        {
            return Error.Invalid("date", $"{command.Date:yyyy-MM-dd} 尚未结束，不能发布当日通报 (The day {command.Date:yyyy-MM-dd} has not ended yet).");
        }

        var correction = command.Correction?.Trim();
        if (correction is { Length: > PublishedBulletin.NoteMaxLength })
        {
            return Error.Invalid("correction", $"更正说明不超过 {PublishedBulletin.NoteMaxLength} 字 (A correction note has at most {PublishedBulletin.NoteMaxLength} characters).");
        }

        var built = await BuildDailyBulletin.HandleAsync(db, command.Region, command.Date, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        var bulletin = built.Value!;
        var region = bulletin.Region.Code;
        var last = await db.PublishedBulletins.AsNoTracking().Where(p => p.RegionCode == region && p.Date == command.Date)
            .OrderByDescending(p => p.Version).FirstOrDefaultAsync(ct);
        if (last is not null && string.IsNullOrEmpty(correction))
        {
            return Error.Conflict($"{bulletin.Region.Name} {command.Date:yyyy-MM-dd} 的通报已发布（第 {last.Version} 版），如需更正请填写更正说明 (Already published as version {last.Version}; a correction needs a reason).");
        }

        if (last is null && !string.IsNullOrEmpty(correction))
        {
            return Error.Invalid("correction", "当日通报尚未发布，无需更正 (Nothing published for that day yet: there is nothing to correct).");
        }

        var json = BulletinJson.From(bulletin);
        var published = new PublishedBulletin(
            region, command.Date, (last?.Version ?? 0) + 1, json.Text, json.TextEn, BulletinFigures.Format(BulletinFigures.Of(bulletin)),
            db.Jurisdiction.UserName, time.GetUtcNow(), correction);
        db.PublishedBulletins.Add(published);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict($"{bulletin.Region.Name} {command.Date:yyyy-MM-dd} 的通报刚被他人发布，请刷新 (Published by someone else a moment ago; reload).");
        }

        return new Published(published.Id, region, published.Date, published.Version, published.Text, published.FiguresSha256, published.PublishedAt);
    }
}
