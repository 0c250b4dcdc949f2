using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Supervision.Inspections;

/// <summary>
/// An inspection (督导检查) of a region, a key place or a unit, by one or more inspectors, with
/// a checklist version and a result per item. Planned → in progress → completed; a completed
/// inspection is closed to new results. Scoped to the target's region. An unannounced inspection
/// (四不两直) is not shown to the target's own officials before it starts.
/// </summary>
public sealed class Inspection : IRegionScoped
{
    public const int TargetNameMaxLength = 100;
    public const int InspectorsMaxLength = 500;
    public const int SummaryMaxLength = 2000;

    private readonly List<InspectionResult> _results = [];

    private Inspection()
    {
        RegionCode = string.Empty;
        TargetName = string.Empty;
        Inspectors = string.Empty;
        CreatedBy = string.Empty;
    }

    public Inspection(
        InspectionKind kind, InspectionTargetKind targetKind, string regionCode, long? placeId, long? organisationId, string targetName,
        long checklistTemplateId, string inspectors, DateOnly plannedOn, string createdBy, DateTimeOffset createdAt, long? reviewOfInspectionId = null)
    {
        Kind = kind;
        TargetKind = targetKind;
        RegionCode = regionCode;
        PlaceId = placeId;
        OrganisationId = organisationId;
        TargetName = targetName;
        ChecklistTemplateId = checklistTemplateId;
        Inspectors = inspectors;
        PlannedOn = plannedOn;
        CreatedBy = createdBy;
        CreatedAt = createdAt.ToUniversalTime();
        ReviewOfInspectionId = reviewOfInspectionId;
        Status = InspectionStatus.Planned;
    }

    public long Id { get; private set; }

    public InspectionKind Kind { get; private set; }

    public InspectionTargetKind TargetKind { get; private set; }

    /// <summary>The target's region (the region itself, or the place's or unit's).</summary>
    public string RegionCode { get; private set; }

    public long? PlaceId { get; private set; }

    public long? OrganisationId { get; private set; }

    public string TargetName { get; private set; }

    /// <summary>The checklist version used: kept when the template is edited later.</summary>
    public long ChecklistTemplateId { get; private set; }

    /// <summary>User names of the inspectors, space-separated; the first leads.</summary>
    public string Inspectors { get; private set; }

    public DateOnly PlannedOn { get; private set; }

    /// <summary>For a follow-up review (回头看): the inspection whose findings it goes back to.</summary>
    public long? ReviewOfInspectionId { get; private set; }

    public InspectionStatus Status { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public string? Summary { get; private set; }

    public IReadOnlyCollection<InspectionResult> Results => _results.AsReadOnly();

    public IReadOnlyList<string> InspectorList => Inspectors.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsInspector(string userName) => InspectorList.Contains(userName, StringComparer.Ordinal);

    public Error? Start(DateTimeOffset at)
    {
        if (Status != InspectionStatus.Planned)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.inspection-already-started", Id));
        }

        Status = InspectionStatus.InProgress;
        StartedAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>Records or corrects an item's result while the inspection is in progress.</summary>
    public Result<InspectionResult> Record(ChecklistItem item, ItemOutcome outcome, string? note, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (Status != InspectionStatus.InProgress)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.inspection-results-recorded-while-progress", Id, Status));
        }

        if (item.TemplateId != ChecklistTemplateId)
        {
            return Error.Invalid("itemId", ErrorText.Of("error.supervision.item-not-inspection-s-checklist", item.No, item.Id));
        }

        var text = note?.Trim();
        if (text is { Length: > InspectionResult.NoteMaxLength })
        {
            return Error.Invalid("note", ErrorText.Of("error.supervision.note-most-characters-2", InspectionResult.NoteMaxLength));
        }

        var existing = _results.FirstOrDefault(r => r.ChecklistItemId == item.Id);
        if (existing is not null)
        {
            if (existing.FindingId is not null)
            {
                return Error.Conflict(ErrorText.Of("error.supervision.item-already-raised-finding", item.No, existing.FindingId));
            }

            existing.Change(outcome, text, by, at);
            return existing;
        }

        var result = new InspectionResult(this, item, outcome, text, by, at);
        _results.Add(result);
        return result;
    }

    public Error? Complete(string? summary, int itemCount, DateTimeOffset at)
    {
        if (Status != InspectionStatus.InProgress)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.inspection-not-progress", Id, Status));
        }

        if (_results.Count < itemCount)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.checklist-items-no-result-yet", itemCount - _results.Count));
        }

        var text = summary?.Trim();
        if (text is { Length: > SummaryMaxLength })
        {
            return Error.Invalid("summary", ErrorText.Of("error.supervision.summary-most-characters", SummaryMaxLength));
        }

        Status = InspectionStatus.Completed;
        CompletedAt = at.ToUniversalTime();
        Summary = text;
        return null;
    }
}

/// <summary>The result of one checklist item in an inspection; a failed item names the finding it raised.</summary>
public sealed class InspectionResult : IRegionScoped
{
    public const int NoteMaxLength = 500;

    private InspectionResult()
    {
        RegionCode = string.Empty;
        RecordedBy = string.Empty;
    }

    internal InspectionResult(Inspection inspection, ChecklistItem item, ItemOutcome outcome, string? note, string by, DateTimeOffset at)
    {
        InspectionId = inspection.Id;
        RegionCode = inspection.RegionCode;
        ChecklistItemId = item.Id;
        ItemNo = item.No;
        Change(outcome, note, by, at);
        RecordedBy = by;
    }

    public long Id { get; private set; }

    public long InspectionId { get; private set; }

    public string RegionCode { get; private set; }

    public long ChecklistItemId { get; private set; }

    public int ItemNo { get; private set; }

    public ItemOutcome Outcome { get; private set; }

    public string? Note { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The finding a failed item raised.</summary>
    public long? FindingId { get; private set; }

    internal void Change(ItemOutcome outcome, string? note, string by, DateTimeOffset at)
    {
        Outcome = outcome;
        Note = note;
        RecordedBy = by;
        RecordedAt = at.ToUniversalTime();
    }

    public void RaisedFinding(long findingId) => FindingId = findingId;
}
