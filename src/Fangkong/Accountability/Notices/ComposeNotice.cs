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
            return Error.Invalid("caseIds", ErrorText.Of("error.accountability.choose-decided-cases", PublicNotice.MaxMatters));
        }

        if (ids.Distinct().Count() != ids.Count)
        {
            return Error.Invalid("caseIds", ErrorText.Of("error.accountability.case-appears-once-notice"));
        }

        var body = command.IssuingBody?.Trim() ?? string.Empty;
        if (body.Length is 0 or > PublicNotice.IssuingBodyMaxLength)
        {
            return Error.Invalid("issuingBody", ErrorText.Of("error.accountability.issuing-body-needs-characters", PublicNotice.IssuingBodyMaxLength));
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
                return Error.Conflict(ErrorText.Of("error.accountability.case-not-decided-cannot-published", id));
            }

            ordered.Add(c);
        }

        var people = ordered.Sum(c => c.Officials.Count);
        var kinds = NoticeDefaults.ProblemKinds(ordered.Select(c => c.Title));
        var title = Text(command.Title) ?? NoticeDefaults.Title(people, kinds);
        var opening = Text(command.Opening) ?? NoticeDefaults.Opening(people, kinds, body);
        var closing = Text(command.Closing) ?? NoticeDefaults.Closing(body);
        if (title.Length > PublicNotice.TitleMaxLength)
        {
            return Error.Invalid("title", ErrorText.Of("error.accountability.title-most-characters", PublicNotice.TitleMaxLength));
        }

        if (opening.Length > PublicNotice.OpeningMaxLength)
        {
            return Error.Invalid("opening", ErrorText.Of("error.accountability.opening-most-characters", PublicNotice.OpeningMaxLength));
        }

        if (closing.Length > PublicNotice.ClosingMaxLength)
        {
            return Error.Invalid("closing", ErrorText.Of("error.accountability.closing-most-characters", PublicNotice.ClosingMaxLength));
        }

        // The notice belongs to the caller's level; a system caller files it under the cases' common region.
        var region = db.Jurisdiction.RegionPrefix.Length > 0 ? db.Jurisdiction.RegionPrefix : Regions.RegionCode.CommonAncestor(ordered.Select(c => c.RegionCode));
        var notice = new PublicNotice(region, title, body, command.IssuedOn ?? ChinaTime.Today(time), opening, closing, ids, db.Jurisdiction.UserName, time.GetUtcNow());
        var document = NoticeWriter.Document(notice, ordered);
        var all = string.Join('\n', [document.Title, document.Opening, .. document.Matters, document.Closing]);
        if (NoticeWriter.Unpublishable(all) is { } found)
        {
            return Error.Invalid("caseIds", ErrorText.Of("error.accountability.text-carries-what-looks-like", found[..3]));
        }

        return (notice, document);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
