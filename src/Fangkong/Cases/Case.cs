using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Cases;

/// <summary>
/// A confirmed case (确诊病例) or an asymptomatic infection (无症状感染者) with the region of its
/// address. A confirmed case has a severity, whose changes are kept; an asymptomatic record that
/// becomes confirmed stays as it was and the confirmed record names it in
/// <see cref="ConvertedFromCaseNo"/>, so the conversion counts on the confirmed record's
/// report date. Outcomes follow the type: a confirmed case is discharged, an asymptomatic one
/// released from medical observation, either may die.
/// </summary>
public sealed class Case : IRegionScoped
{
    public const int CaseNoMaxLength = 32;
    public const int NameMaxLength = Persons.Person.NameMaxLength;
    public const int IdNumberMaxLength = Persons.Person.DocumentNumberMaxLength;

    private readonly List<SeverityChange> _severityHistory = [];

    private Case()
    {
        CaseNo = string.Empty;
        Name = string.Empty;
        IdNumber = string.Empty;
        RegionCode = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The line list's number, unique: re-importing it updates this record.</summary>
    public string CaseNo { get; private set; }

    /// <summary>The resident record, when the identity number is known to the register.</summary>
    public long? PersonId { get; private set; }

    public string Name { get; private set; }

    public string IdNumber { get; private set; }

    /// <summary>The region of the address; it gives the jurisdiction and the reporting unit.</summary>
    public string RegionCode { get; private set; }

    public CaseType Type { get; private set; }

    /// <summary>The current clinical type; null for an asymptomatic infection.</summary>
    public Severity? Severity { get; private set; }

    /// <summary>The clinical type on the day of the report, as the bulletin of that day counts it.</summary>
    public Severity? ReportedSeverity { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    public CaseSource Source { get; private set; }

    /// <summary>For a confirmed case: the asymptomatic record it converts (转为确诊).</summary>
    public string? ConvertedFromCaseNo { get; private set; }

    public CaseOutcome? Outcome { get; private set; }

    public DateOnly? OutcomeOn { get; private set; }

    public IReadOnlyCollection<SeverityChange> SeverityHistory => _severityHistory.AsReadOnly();

    public bool IsConversion => ConvertedFromCaseNo is not null;

    /// <summary>What a report says about a case; <see cref="Create"/> and <see cref="Update"/> check it.</summary>
    public sealed record Report(
        string CaseNo,
        string Name,
        string IdNumber,
        string RegionCode,
        CaseType Type,
        Severity? Severity,
        DateOnly ReportedOn,
        CaseSource Source,
        string? ConvertedFromCaseNo,
        long? PersonId);

    public static Result<Case> Create(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Check(report) is { } error)
        {
            return error;
        }

        var created = new Case
        {
            CaseNo = report.CaseNo.Trim(),
            Type = report.Type,
            ReportedOn = report.ReportedOn,
            Severity = report.Severity,
            ReportedSeverity = report.Severity,
        };
        created.Apply(report);
        if (report.Severity is { } severity)
        {
            created._severityHistory.Add(new SeverityChange(severity, report.ReportedOn));
        }

        return created;
    }

    /// <summary>
    /// A later report of the same case (a re-imported line list). The type cannot change: a
    /// conversion is a new confirmed record that names the asymptomatic one. A new severity is
    /// recorded in the history on <paramref name="on"/>; returns whether anything changed.
    /// </summary>
    public Result<bool> Update(Report report, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Check(report) is { } error)
        {
            return error;
        }

        if (report.Type != Type)
        {
            return Error.Invalid("type", ErrorText.Of("error.cases.case-cannot-change-type-conversion", CaseNo));
        }

        var changed = Name != report.Name.Trim() || IdNumber != report.IdNumber.Trim() || RegionCode != report.RegionCode
            || ReportedOn != report.ReportedOn || Source != report.Source || ConvertedFromCaseNo != report.ConvertedFromCaseNo || PersonId != report.PersonId;
        if (ReportedOn != report.ReportedOn)
        {
            ReportedOn = report.ReportedOn;
        }

        Apply(report);
        if (report.Severity is { } severity && severity != Severity)
        {
            var result = ChangeSeverity(severity, on < ReportedOn ? ReportedOn : on);
            if (!result.IsSuccess)
            {
                return result;
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>A confirmed case's clinical type changes on <paramref name="on"/>; asymptomatic records have none.</summary>
    public Result<bool> ChangeSeverity(Severity severity, DateOnly on)
    {
        if (Type != CaseType.Confirmed)
        {
            return Error.Invalid("severity", ErrorText.Of("error.cases.asymptomatic-infection-no-severity", CaseNo));
        }

        if (on < ReportedOn)
        {
            return Error.Invalid("severity", ErrorText.Of("error.cases.severity-change-cannot-precede-report", ReportedOn));
        }

        if (severity == Severity)
        {
            return false;
        }

        Severity = severity;
        if (on == ReportedOn)
        {
            // Corrected on the day of the report: that day's bulletin counts the corrected type.
            ReportedSeverity = severity;
        }

        _severityHistory.Add(new SeverityChange(severity, on));
        return true;
    }

    /// <summary>
    /// Records the outcome: discharge (治愈出院) only of a confirmed case, release from medical
    /// observation (解除隔离医学观察) only of an asymptomatic one, death of either; not before the report.
    /// </summary>
    public Result<bool> SetOutcome(CaseOutcome? outcome, DateOnly? on)
    {
        if (outcome is null)
        {
            if (on is not null)
            {
                return Error.Invalid("outcome", ErrorText.Of("error.cases.outcome-given-without-outcome"));
            }

            var had = Outcome is not null;
            Outcome = null;
            OutcomeOn = null;
            return had;
        }

        if (on is null)
        {
            return Error.Invalid("outcome_on", ErrorText.Of("error.cases.outcome-needs-date-outcome"));
        }

        if (outcome == CaseOutcome.Discharged && Type != CaseType.Confirmed)
        {
            return Error.Invalid("outcome", ErrorText.Of("error.cases.asymptomatic-infection-released-not-discharged"));
        }

        if (outcome == CaseOutcome.Released && Type != CaseType.Asymptomatic)
        {
            return Error.Invalid("outcome", ErrorText.Of("error.cases.confirmed-case-discharged-not-released"));
        }

        if (on < ReportedOn)
        {
            return Error.Invalid("outcome_on", ErrorText.Of("error.cases.outcome-precedes-report-date", ReportedOn));
        }

        var changed = Outcome != outcome || OutcomeOn != on;
        Outcome = outcome;
        OutcomeOn = on;
        return changed;
    }

    private void Apply(Report report)
    {
        Name = report.Name.Trim();
        IdNumber = report.IdNumber.Trim();
        RegionCode = report.RegionCode;
        Source = report.Source;
        ConvertedFromCaseNo = report.ConvertedFromCaseNo;
        PersonId = report.PersonId;
    }

    private static Error? Check(Report report)
    {
        var caseNo = report.CaseNo?.Trim() ?? string.Empty;
        if (caseNo.Length is 0 or > CaseNoMaxLength)
        {
            return Error.Invalid("case_no", ErrorText.Of("error.cases.case-no-characters", CaseNoMaxLength));
        }

        if (string.IsNullOrWhiteSpace(report.Name) || report.Name.Trim().Length > NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.quarantine.name-characters", NameMaxLength));
        }

        if ((report.IdNumber?.Trim().Length ?? 0) > IdNumberMaxLength)
        {
            return Error.Invalid("id_number", ErrorText.Of("error.cases.id-number-longer-characters", IdNumberMaxLength));
        }

        if (report.Type == CaseType.Confirmed && report.Severity is null)
        {
            return Error.Invalid("severity", ErrorText.Of("error.cases.confirmed-case-needs-severity"));
        }

        if (report.Type == CaseType.Asymptomatic && report.Severity is not null)
        {
            return Error.Invalid("severity", ErrorText.Of("error.cases.asymptomatic-infection-no-severity-2"));
        }

        if (report.ConvertedFromCaseNo is { } from)
        {
            if (report.Type != CaseType.Confirmed)
            {
                return Error.Invalid("converted_from", ErrorText.Of("error.cases.only-confirmed-case-converts-asymptomatic"));
            }

            if (from == caseNo)
            {
                return Error.Invalid("converted_from", ErrorText.Of("error.cases.case-cannot-convert-itself"));
            }
        }

        return null;
    }
}

/// <summary>A confirmed case's clinical type from a date on.</summary>
public sealed class SeverityChange
{
    private SeverityChange()
    {
    }

    public SeverityChange(Severity severity, DateOnly changedOn)
    {
        Severity = severity;
        ChangedOn = changedOn;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public Severity Severity { get; private set; }

    public DateOnly ChangedOn { get; private set; }
}
