using Fangkong.Common;
using Fangkong.Access;

namespace Fangkong.Cases.Investigation;

/// <summary>An investigation as the caller may see it: the case's identity number masked unless the role needs it.</summary>
public sealed record InvestigationView(
    long Id,
    long CaseId,
    string CaseNo,
    string CaseName,
    string CaseIdNumber,
    CaseType CaseType,
    string RegionCode,
    DateOnly ReportedOn,
    DateOnly? OnsetOn,
    long PolicyVersionId,
    int LookBackDays,
    DateTimeOffset WindowFrom,
    DateTimeOffset WindowTo,
    string Investigator,
    InvestigationState State,
    DateTimeOffset OpenedAt,
    DateTimeOffset DeadlineAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? ClosedAt,
    bool IsOverdue,
    IReadOnlyList<InvestigationView.Stop> Itinerary,
    DateOnly? SampledOn = null,
    DateOnly? AnchorOn = null)
{
    public sealed record Stop(DateTimeOffset FromAt, DateTimeOffset ToAt, long? PlaceId, long? CompoundId, string? PlaceText, string? PlaceName, string? Note);

    public static InvestigationView From(CaseInvestigation i, Case c, Jurisdiction jurisdiction, DateTimeOffset now, IReadOnlyDictionary<long, string>? placeNames = null)
    {
        ArgumentNullException.ThrowIfNull(i);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        var window = LookBack.For(i, c);
        return new InvestigationView(
            i.Id, c.Id, c.CaseNo, c.Name, CaseView.Mask(c.IdNumber, jurisdiction), c.Type, c.RegionCode, c.ReportedOn, i.OnsetOn, i.PolicyVersionId, i.LookBackDays,
            window.From, window.To, i.Investigator, i.State, i.OpenedAt, i.DeadlineAt, i.SubmittedAt, i.ClosedAt, i.IsOverdue(now),
            i.Itinerary.OrderBy(e => e.FromAt).ThenBy(e => e.Id)
                .Select(e => new Stop(e.FromAt, e.ToAt, e.PlaceId, e.CompoundId, e.PlaceText, e.PlaceId is { } p && placeNames?.TryGetValue(p, out var n) == true ? n : null, e.Note))
                .ToList(),
            i.SampledOn,
            i.AnchorOn(c));
    }
}

/// <summary>A proposed contact as the caller may see it, with the reasons it was proposed.</summary>
public sealed record CandidateView(
    long Id,
    long? PersonId,
    string Name,
    string IdNumber,
    string PersonRegionCode,
    IReadOnlyList<CandidateReason> Reasons,
    string Detail,
    DateOnly? LastExposureOn,
    CandidateStatus Status,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DismissReason,
    string? ContactNo,
    ContactKind Kind,
    string? SourceContactNo)
{
    public static CandidateView From(ContactCandidate c, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return new CandidateView(
            c.Id, c.PersonId, c.Name, CaseView.Mask(c.IdNumber, jurisdiction), c.PersonRegionCode, c.ReasonList, c.Detail, c.LastExposureOn, c.Status, c.DecidedBy,
            c.DecidedAt, c.DismissReason, c.ContactNo, c.Kind, c.SourceContactNo);
    }
}

/// <summary>
/// The look-back window of an investigation: from the start of the day <c>LookBackDays</c>
/// before onset (or, for an asymptomatic infection or an unknown onset, before the sampling date
/// of the positive sample, the report date only when that is unknown) to the end of the report
/// day, when the case was isolated. Days are China Standard Time.
/// </summary>
public static class LookBack
{
    public static (DateTimeOffset From, DateTimeOffset To) For(CaseInvestigation investigation, Case c)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(c);
        var anchor = investigation.AnchorOn(c);
        return (ChinaTime.StartOf(anchor.AddDays(-investigation.LookBackDays)), ChinaTime.StartOf(c.ReportedOn.AddDays(1)));
    }
}
