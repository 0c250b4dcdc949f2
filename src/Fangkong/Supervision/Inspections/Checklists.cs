using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Inspections;

/// <summary>
/// The checklist templates: list the current versions (or every version of one key), read one
/// version with its items, and edit a template — which writes a new version and retires the old
/// one, so that inspections conducted with the old items keep them.
/// </summary>
public static class Checklists
{
    public const int MaxItems = 50;

    public sealed record ItemRow(long Id, int No, string Text, FindingCategory Category, FindingSeverity Severity);

    public sealed record TemplateRow(long Id, string Key, ChecklistTargetType TargetType, string Title, int Version, bool IsCurrent, DateTimeOffset CreatedAt, string CreatedBy);

    public sealed record TemplateDetail(TemplateRow Template, IReadOnlyList<ItemRow> Items);

    public sealed record ItemInput(string? Text, FindingCategory Category, FindingSeverity Severity);

    public sealed record Edit(string Key, string? Title, IReadOnlyList<ItemInput>? Items);

    public static async Task<IReadOnlyList<TemplateRow>> ListAsync(FangkongDbContext db, string? key = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var templates = db.ChecklistTemplates.AsNoTracking();
        templates = key is null ? templates.Where(t => t.IsCurrent) : templates.Where(t => t.Key == key);
        return await templates.OrderBy(t => t.Key).ThenByDescending(t => t.Version)
            .Select(t => new TemplateRow(t.Id, t.Key, t.TargetType, t.Title, t.Version, t.IsCurrent, t.CreatedAt, t.CreatedBy))
            .ToListAsync(ct);
    }

    public static async Task<Result<TemplateDetail>> GetAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var t = await db.ChecklistTemplates.AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == id, ct);
        return t is null
            ? Error.NotFound(ErrorText.Of("error.supervision.checklist-not-found", id))
            : Detail(t);
    }

    public static async Task<Result<TemplateDetail>> EditAsync(FangkongDbContext db, TimeProvider time, Edit edit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(edit);
        // A PUT without items binds null: it is a checklist of no items, refused below.
        var items = (edit.Items ?? []).Select(i => i with { Text = i.Text?.Trim() }).Where(i => !string.IsNullOrEmpty(i.Text)).ToList();
        if (items.Count is 0 or > MaxItems)
        {
            return Error.Invalid("items", ErrorText.Of("error.supervision.checklist-items", MaxItems));
        }

        if (items.FirstOrDefault(i => i.Text!.Length > ChecklistItem.TextMaxLength) is { } tooLong)
        {
            return Error.Invalid("items", ErrorText.Of("error.supervision.item-most-characters", ChecklistItem.TextMaxLength, tooLong.Text![..20]));
        }

        var current = await db.ChecklistTemplates.Where(t => t.Key == edit.Key && t.IsCurrent).FirstOrDefaultAsync(ct);
        if (current is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.checklist-not-found-2", edit.Key));
        }

        var title = string.IsNullOrWhiteSpace(edit.Title) ? current.Title : edit.Title.Trim();
        if (title.Length > ChecklistTemplate.TitleMaxLength)
        {
            return Error.Invalid("title", ErrorText.Of("error.supervision.title-most-characters", ChecklistTemplate.TitleMaxLength));
        }

        var next = new ChecklistTemplate(current.Key, current.TargetType, title, current.Version + 1, db.Jurisdiction.UserName, time.GetUtcNow());
        foreach (var item in items)
        {
            next.AddItem(item.Text!, item.Category, item.Severity);
        }

        // Two editors at once: the unique (key, version) lets only the first new version in.
        current.Retire();
        db.ChecklistTemplates.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.checklist-changed-someone-else-reload", edit.Key));
        }

        return Detail(next);
    }

    internal static TemplateDetail Detail(ChecklistTemplate t) => new(
        new TemplateRow(t.Id, t.Key, t.TargetType, t.Title, t.Version, t.IsCurrent, t.CreatedAt, t.CreatedBy),
        t.Items.OrderBy(i => i.No).Select(i => new ItemRow(i.Id, i.No, i.Text, i.Category, i.Severity)).ToList());
}
