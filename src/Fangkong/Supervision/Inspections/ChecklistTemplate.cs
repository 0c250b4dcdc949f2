using Fangkong.Supervision.Findings;

namespace Fangkong.Supervision.Inspections;

/// <summary>
/// One version of a checklist (检查清单) for a type of target. Templates ship as seeded data
/// that the command centre edits; an edit makes a new version and retires the old one, which
/// stays, so that a completed inspection keeps the items it was conducted with.
/// </summary>
public sealed class ChecklistTemplate
{
    public const int KeyMaxLength = 64;
    public const int TitleMaxLength = 100;
    public const int ByMaxLength = 256;

    private readonly List<ChecklistItem> _items = [];

    private ChecklistTemplate()
    {
        Key = string.Empty;
        Title = string.Empty;
        CreatedBy = string.Empty;
    }

    public ChecklistTemplate(string key, ChecklistTargetType targetType, string title, int version, string createdBy, DateTimeOffset createdAt)
    {
        Key = key;
        TargetType = targetType;
        Title = title;
        Version = version;
        IsCurrent = true;
        CreatedBy = createdBy;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    /// <summary>Stable across versions, e.g. <c>nursing-home</c>.</summary>
    public string Key { get; private set; }

    public ChecklistTargetType TargetType { get; private set; }

    public string Title { get; private set; }

    public int Version { get; private set; }

    /// <summary>The version new inspections use; exactly one per key.</summary>
    public bool IsCurrent { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyCollection<ChecklistItem> Items => _items.AsReadOnly();

    public void AddItem(string text, FindingCategory category, FindingSeverity severity) =>
        _items.Add(new ChecklistItem(_items.Count + 1, text, category, severity));

    public void Retire() => IsCurrent = false;
}

/// <summary>One item of a checklist version: what to check, and the kind and weight of a finding when it fails.</summary>
public sealed class ChecklistItem
{
    public const int TextMaxLength = 300;

    private ChecklistItem() => Text = string.Empty;

    internal ChecklistItem(int no, string text, FindingCategory category, FindingSeverity severity)
    {
        No = no;
        Text = text;
        Category = category;
        Severity = severity;
    }

    public long Id { get; private set; }

    public long TemplateId { get; private set; }

    public int No { get; private set; }

    public string Text { get; private set; }

    public FindingCategory Category { get; private set; }

    public FindingSeverity Severity { get; private set; }
}
