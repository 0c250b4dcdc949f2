using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Accountability;

/// <summary>
/// Composes a public notice of decided cases in the given order (preview, or saved). Every case
/// must be decided and in the caller's jurisdiction; a notice whose text would carry a phone or
/// identity number is refused.
/// </summary>
public static class ComposeNotice
{
    public sealed record Command(string? Title, string? IssuingBody, DateOnly? IssuedOn, [MultiLine] string? Opening, [MultiLine] string? Closing, IReadOnlyList<long>? CaseIds);

    public sealed record Composed(long Id, NoticeDocument Document);

    public static async Task<Result<NoticeDocument>> PreviewAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        var built = await BuildAsync(db, time, command, ct);
        return built.IsSuccess ? built.Value!.Document : built.Error!;
    }

    public static async Task<Result<Composed>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        var built = await BuildAsync(db, time, command, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        var (notice, document) = built.Value!;
        db.PublicNotices.Add(notice);
        await db.SaveChangesAsync(ct);
        return new Composed(notice.Id, document);
    }

    private static async Task<Result<(PublicNotice Notice, NoticeDocument Document)>> BuildAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var ids = command.CaseIds ?? [];
        if (ids.Count is 0 or > PublicNotice.MaxMatters)
        {
            return Error.Invalid("caseIds", $"请选择 1–{PublicNotice.MaxMatters} 个已决定的问责案件 (Choose 1 to {PublicNotice.MaxMatters} decided cases).");
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            return Error.Invalid("caseIds", "同一案件只能通报一次 (A case appears once in a notice).");
        }

        var body = command.IssuingBody?.Trim() ?? string.Empty;
        if (body.Length is 0 or > PublicNotice.IssuingBodyMaxLength)
        {
            return Error.Invalid("issuingBody", $"请填写通报机关（不超过 {PublicNotice.IssuingBodyMaxLength} 字）(The issuing body needs 1 to {PublicNotice.IssuingBodyMaxLength} characters).");
        }

        var cases = await db.AccountabilityCases.AsNoTracking().Include(c => c.Officials)
            .Where(c => EF.Parameter(ids).Contains(c.Id)).ToListAsync(ct);
        var byId = cases.ToDictionary(c => c.Id);
        var ordered = new List<AccountabilityCase>(ids.Count);
        foreach (var id in ids)
        {
            if (!byId.TryGetValue(id, out var c))
            {
                return SaveAccountabilityCase.NotFound(id);
            }

            if (c.Status != AccountabilityStatus.Decided)
            {
                return Error.Conflict($"问责案件 {id} 尚未作出决定，不能通报 (Case {id} is not decided and cannot be published).");
            }

            ordered.Add(c);
        }

        var people = ordered.Sum(c => c.Officials.Count);
        var title = Text(command.Title) ?? NoticeWriter.DefaultTitle(people);
        var opening = Text(command.Opening) ?? NoticeWriter.DefaultOpening(people);
        var closing = Text(command.Closing) ?? NoticeWriter.DefaultClosing;
        if (title.Length > PublicNotice.TitleMaxLength)
        {
            return Error.Invalid("title", $"标题不超过 {PublicNotice.TitleMaxLength} 字 (The title is at most {PublicNotice.TitleMaxLength} characters).");
        }

        if (opening.Length > PublicNotice.OpeningMaxLength)
        {
            return Error.Invalid("opening", $"开头不超过 {PublicNotice.OpeningMaxLength} 字 (The opening is at most {PublicNotice.OpeningMaxLength} characters).");
        }

        if (closing.Length > PublicNotice.ClosingMaxLength)
        {
            return Error.Invalid("closing", $"结尾不超过 {PublicNotice.ClosingMaxLength} 字 (The closing is at most {PublicNotice.ClosingMaxLength} characters).");
        }

        // The notice belongs to the caller's level; a system caller files it under the cases' common region.
        var region = db.Jurisdiction.RegionPrefix.Length > 0 ? db.Jurisdiction.RegionPrefix : Regions.RegionCode.CommonAncestor(ordered.Select(c => c.RegionCode));
        var notice = new PublicNotice(region, title, body, command.IssuedOn ?? ChinaTime.Today(time), opening, closing, ids, db.Jurisdiction.UserName, time.GetUtcNow());
        var document = NoticeWriter.Document(notice, ordered);
        var all = string.Join('\n', [document.Title, document.Opening, .. document.Matters, document.Closing]);
        if (NoticeWriter.Unpublishable(all) is { } found)
        {
            return Error.Invalid("caseIds", $"通报文本含有疑似电话或身份证号（{found[..3]}…），请先修改案件 (The text carries what looks like a phone or identity number; edit the case first).");
        }

        return (notice, document);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
