using Fangkong.Access;

namespace Fangkong.Cases;

/// <summary>
/// A case as the caller may see it: the identity number masked unless the role needs it in full,
/// the name masked (王*) for roles that see no resident details (inspectors).
/// </summary>
public sealed record CaseView(
    long Id,
    string CaseNo,
    long? PersonId,
    string Name,
    string IdNumber,
    string RegionCode,
    CaseType Type,
    Severity? Severity,
    Severity? ReportedSeverity,
    DateOnly ReportedOn,
    CaseSource Source,
    string? ConvertedFromCaseNo,
    CaseOutcome? Outcome,
    DateOnly? OutcomeOn,
    IReadOnlyList<CaseView.SeverityStep>? SeverityHistory = null)
{
    public sealed record SeverityStep(Severity Severity, DateOnly ChangedOn);

    public static CaseView From(Case c, Jurisdiction jurisdiction, bool withHistory = false)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return new CaseView(
            c.Id, c.CaseNo, c.PersonId, Masking.NameFor(c.Name, jurisdiction), Mask(c.IdNumber, jurisdiction), c.RegionCode, c.Type, c.Severity, c.ReportedSeverity, c.ReportedOn, c.Source,
            c.ConvertedFromCaseNo, c.Outcome, c.OutcomeOn,
            withHistory ? c.SeverityHistory.OrderBy(s => s.ChangedOn).ThenBy(s => s.Id).Select(s => new SeverityStep(s.Severity, s.ChangedOn)).ToList() : null);
    }

    internal static string Mask(string idNumber, Jurisdiction jurisdiction) => Masking.IdNumberFor(idNumber, jurisdiction);
}

/// <summary>A contact as the caller may see it, with its quarantine order.</summary>
public sealed record ContactView(
    long Id,
    string ContactNo,
    ContactKind Kind,
    string? SourceCaseNo,
    string? SourceContactNo,
    string Name,
    string IdNumber,
    string RegionCode,
    DateOnly? ExposureOn,
    DateOnly IdentifiedOn,
    DateOnly? ReleasedOn,
    QuarantineOrder Order,
    DateOnly QuarantineEndsOn)
{
    public static ContactView From(Contact c, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return new ContactView(
            c.Id, c.ContactNo, c.Kind, c.SourceCaseNo, c.SourceContactNo, Masking.NameFor(c.Name, jurisdiction), CaseView.Mask(c.IdNumber, jurisdiction), c.RegionCode, c.ExposureOn, c.IdentifiedOn,
            c.ReleasedOn, c.Order, c.QuarantineEndsOn);
    }
}
