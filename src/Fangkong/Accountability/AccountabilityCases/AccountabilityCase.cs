using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Accountability;

/// <summary>
/// An accountability case (追责问责): a matter — an incident or the findings of supervision — the
/// officials answerable for it with the kind of their responsibility, and the measures decided.
/// Scoped to the region of the matter. Draft → decided; a decided case is frozen, because a
/// published notice quotes it.
/// </summary>
public sealed class AccountabilityCase : IRegionScoped
{
    public const int TitleMaxLength = 200;
    public const int FactsMaxLength = 4000;
    public const int ConsequenceMaxLength = 1000;
    public const int FailingsMaxLength = 1000;
    public const int IncidentLinksMaxLength = 1000;
    public const int DecidingBodyMaxLength = 100;
    public const int MaxOfficials = 30;
    public const int MaxFindings = 50;

    private readonly List<AccountableOfficial> _officials = [];
    private readonly List<AccountabilityCaseFinding> _findings = [];

    private AccountabilityCase()
    {
        RegionCode = string.Empty;
        Title = string.Empty;
        Facts = string.Empty;
        CreatedBy = string.Empty;
    }

    public AccountabilityCase(string regionCode, string createdBy, DateTimeOffset at)
    {
        RegionCode = regionCode;
        Title = string.Empty;
        Facts = string.Empty;
        CreatedBy = createdBy;
        CreatedAt = at.ToUniversalTime();
        UpdatedAt = CreatedAt;
        Status = AccountabilityStatus.Draft;
    }

    public long Id { get; private set; }

    /// <summary>The region of the matter: who may see and handle the case.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The problem in one line, as the notice's matter opens: "在疫情防控工作中履职不力，导致发生院内感染问题".</summary>
    public string Title { get; private set; }

    /// <summary>What failed.</summary>
    public string Facts { get; private set; }

    /// <summary>What it led to (a cluster, an infection in hospital…).</summary>
    public string? Consequence { get; private set; }

    /// <summary>
    /// What the responsible units failed to do, as a sentence of its own after the facts and before the
    /// responsibilities: "船营区民政局落实监管责任不力，指导督导不到位，…" (seed 000, second matter).
    /// </summary>
    public string? Failings { get; private set; }

    /// <summary>
    /// The matter opens with the first official only and "等N人" ("船营区委常委、副区长王健鹏等3人");
    /// the others are then named with unit and post where the notice first speaks of them.
    /// </summary>
    public bool NameFirstOnly { get; private set; }

    /// <summary>When the incident happened (local day), when the case is about an incident.</summary>
    public DateOnly? IncidentDate { get; private set; }

    /// <summary>Free references of the incident (documents, reports, addresses), one per line.</summary>
    public string? IncidentLinks { get; private set; }

    public AccountabilityStatus Status { get; private set; }

    /// <summary>The body that decided (吉林市纪委监委).</summary>
    public string? DecidingBody { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<AccountableOfficial> Officials => _officials;

    public IReadOnlyList<AccountabilityCaseFinding> Findings => _findings;

    /// <summary>Replaces what a draft says. The caller has validated the parts.</summary>
    public Error? Edit(
        string title, string facts, string? consequence, DateOnly? incidentDate, string? incidentLinks,
        IReadOnlyList<AccountableOfficial> officials, IReadOnlyList<long> findingIds, DateTimeOffset at, string? failings = null, bool nameFirstOnly = false)
    {
        ArgumentNullException.ThrowIfNull(officials);
        ArgumentNullException.ThrowIfNull(findingIds);
        if (Status != AccountabilityStatus.Draft)
        {
            return Error.Conflict(ErrorText.Of("error.accountability.accountability-case-decided-can-no", Id));
        }

        Title = title;
        Facts = facts;
        Consequence = consequence;
        Failings = failings;
        NameFirstOnly = nameFirstOnly;
        IncidentDate = incidentDate;
        IncidentLinks = incidentLinks;
        _officials.Clear();
        for (var i = 0; i < officials.Count; i++)
        {
            officials[i].Place(this, i + 1);
            _officials.Add(officials[i]);
        }

        _findings.RemoveAll(f => !findingIds.Contains(f.FindingId));
        foreach (var id in findingIds.Where(id => _findings.All(f => f.FindingId != id)))
        {
            _findings.Add(new AccountabilityCaseFinding(this, id));
        }

        UpdatedAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>Records the decision; from then on the case is frozen.</summary>
    public Error? Decide(string decidingBody, DateOnly decidedOn, string by, DateTimeOffset at)
    {
        if (Status != AccountabilityStatus.Draft)
        {
            return Error.Conflict(ErrorText.Of("error.accountability.accountability-case-already-decided", Id));
        }

        if (Title.Length == 0 || Facts.Length == 0)
        {
            return Error.Invalid("title", ErrorText.Of("error.accountability.decided-case-needs-problem-facts"));
        }

        if (_officials.Count == 0)
        {
            return Error.Invalid("officials", ErrorText.Of("error.accountability.decided-case-names-least-one"));
        }

        if (_officials.FirstOrDefault(o => o.MeasureList.Count == 0) is { } without)
        {
            return Error.Invalid("officials", ErrorText.Of("error.accountability.no-measure-decided", without.Name));
        }

        Status = AccountabilityStatus.Decided;
        DecidingBody = decidingBody;
        DecidedOn = decidedOn;
        DecidedBy = by;
        DecidedAt = at.ToUniversalTime();
        UpdatedAt = DecidedAt.Value;
        return null;
    }
}

public enum AccountabilityStatus
{
    Draft,
    Decided,
}
