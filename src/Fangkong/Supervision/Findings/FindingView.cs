namespace Fangkong.Supervision.Findings;

/// <summary>What lists, pages and the API show of a finding.</summary>
public static class FindingView
{
    public sealed record Summary(
        long Id, string RegionCode, FindingSource Source, string? DetectorKey, string Title, FindingCategory Category, FindingSeverity Severity,
        string ResponsibleUnit, string ResponsiblePerson, DateTimeOffset Deadline, FindingStatus Status, bool Overdue, int EscalationLevel,
        string? EscalatedTo, DateTimeOffset RaisedAt);

    public static Summary SummaryOf(Finding f, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new Summary(
            f.Id, f.RegionCode, f.Source, f.DetectorKey, f.Title, f.Category, f.Severity, f.ResponsibleUnit, f.ResponsiblePerson, f.Deadline,
            f.Status, f.IsOverdueAt(now), f.EscalationLevel, f.EscalatedTo, f.RaisedAt);
    }
}
