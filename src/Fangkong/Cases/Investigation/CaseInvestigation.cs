using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Cases.Investigation;

/// <summary>Where an investigation stands: open (being worked), submitted (report handed in), closed (accepted).</summary>
public enum InvestigationState
{
    Open,
    Submitted,
    Closed,
}

/// <summary>
/// The epidemiological investigation (流调) of one case: opened with a deadline the plan version
/// in force for the case's region and report date gives, an investigator, the itinerary, and
/// the contact candidates Fangkong proposes. The itinerary can be changed only while open; it is
/// overdue when the deadline passes before it is submitted.
/// </summary>
public sealed class CaseInvestigation : IRegionScoped
{
    public const int InvestigatorMaxLength = 256;
    public const int MaxItineraryEntries = 200;

    private readonly List<ItineraryEntry> _itinerary = [];

    private CaseInvestigation()
    {
        CaseNo = string.Empty;
        RegionCode = string.Empty;
        Investigator = string.Empty;
    }

    public long Id { get; private set; }

    public long CaseId { get; private set; }

    public string CaseNo { get; private set; }

    /// <summary>The case's region: the investigation is seen by whoever sees the case.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The plan version whose deadline and look-back window apply.</summary>
    public long PolicyVersionId { get; private set; }

    public int LookBackDays { get; private set; }

    /// <summary>Date of onset (发病日期) when the case has symptoms; the look-back counts from it, else from the report date.</summary>
    public DateOnly? OnsetOn { get; private set; }

    /// <summary>
    /// Sampling date of the positive sample (阳性样本采样日期): the look-back of an asymptomatic
    /// infection (or a case without a known onset) counts from it, not from the report date.
    /// </summary>
    public DateOnly? SampledOn { get; private set; }

    public string Investigator { get; private set; }

    public InvestigationState State { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset DeadlineAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public IReadOnlyCollection<ItineraryEntry> Itinerary => _itinerary.AsReadOnly();

    /// <summary>Opens the investigation of <paramref name="c"/> at <paramref name="now"/> under <paramref name="policy"/>.</summary>
    /// <param name="sampledOn">The sampling date of the positive sample, when testing holds it.</param>
    public static CaseInvestigation Open(Case c, PolicyVersion policy, string investigator, DateTimeOffset now, DateOnly? sampledOn = null)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        var opened = now.ToUniversalTime();
        return new CaseInvestigation
        {
            CaseId = c.Id,
            CaseNo = c.CaseNo,
            RegionCode = c.RegionCode,
            PolicyVersionId = policy.Id,
            LookBackDays = policy.LookBackDays,
            Investigator = Trim(investigator),
            State = InvestigationState.Open,
            OpenedAt = opened,
            DeadlineAt = opened.AddHours(policy.InvestigationDeadlineHours),
            SampledOn = sampledOn is { } sampled && sampled <= c.ReportedOn ? sampled : null,
        };
    }

    /// <summary>Deadline passed while not yet submitted.</summary>
    public bool IsOverdue(DateTimeOffset now) => State == InvestigationState.Open && now > DeadlineAt;

    /// <summary>
    /// The day the look-back counts from: a symptomatic case's onset; for an asymptomatic infection
    /// (or unknown onset) the sampling date of its positive sample; the report date only when neither is known.
    /// </summary>
    public DateOnly AnchorOn(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Type == CaseType.Confirmed && OnsetOn is { } onset ? onset : SampledOn ?? c.ReportedOn;
    }

    /// <summary>Replaces the itinerary (and optionally the investigator and onset; the sampling date when given); refused unless open.</summary>
    public Result<bool> Update(IReadOnlyList<ItineraryEntry> entries, string? investigator, DateOnly? onsetOn, DateOnly reportedOn, DateOnly? sampledOn = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (State != InvestigationState.Open)
        {
            return Error.Conflict(ErrorText.Of("error.cases.investigation-itinerary-can-no-longer", StateText(State), State.ToString().ToLowerInvariant()));
        }

        if (entries.Count > MaxItineraryEntries)
        {
            return Error.Invalid("itinerary", ErrorText.Of("error.cases.itinerary-holds-most-entries", MaxItineraryEntries));
        }

        if (onsetOn is { } onset && onset > reportedOn)
        {
            return Error.Invalid("onsetOn", ErrorText.Of("error.cases.onseton-after-report-date"));
        }

        if (sampledOn is { } sampled && sampled > reportedOn)
        {
            return Error.Invalid("sampledOn", ErrorText.Of("error.rules2022.sampled-after-report"));
        }

        _itinerary.Clear();
        _itinerary.AddRange(entries);
        if (!string.IsNullOrWhiteSpace(investigator))
        {
            Investigator = Trim(investigator);
        }

        OnsetOn = onsetOn;
        SampledOn = sampledOn ?? SampledOn;
        return true;
    }

    public Result<bool> Submit(DateTimeOffset now)
    {
        if (State != InvestigationState.Open)
        {
            return Error.Conflict(ErrorText.Of("error.cases.investigation-already", StateText(State), State.ToString().ToLowerInvariant()));
        }

        State = InvestigationState.Submitted;
        SubmittedAt = now.ToUniversalTime();
        return true;
    }

    public Result<bool> Close(DateTimeOffset now)
    {
        if (State != InvestigationState.Submitted)
        {
            return Error.Conflict(ErrorText.Of("error.cases.only-submitted-investigation-can-closed"));
        }

        State = InvestigationState.Closed;
        ClosedAt = now.ToUniversalTime();
        return true;
    }

    internal static string StateText(InvestigationState state) => state switch
    {
        InvestigationState.Open => "进行中",
        InvestigationState.Submitted => "提交",
        _ => "结案",
    };

    private static string Trim(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        return trimmed.Length > InvestigatorMaxLength ? trimmed[..InvestigatorMaxLength] : trimmed;
    }
}

/// <summary>
/// One stop of a case's itinerary (活动轨迹): from when to when, and where: a known key place,
/// a residential compound, or a place described in words.
/// </summary>
public sealed class ItineraryEntry
{
    public const int PlaceTextMaxLength = 200;
    public const int NoteMaxLength = 500;

    private ItineraryEntry()
    {
    }

    public long Id { get; private set; }

    public long InvestigationId { get; private set; }

    public DateTimeOffset FromAt { get; private set; }

    public DateTimeOffset ToAt { get; private set; }

    public long? PlaceId { get; private set; }

    public long? CompoundId { get; private set; }

    public string? PlaceText { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Validates one stop; <paramref name="index"/> names it in the refusal.</summary>
    public static Result<ItineraryEntry> Create(int index, DateTimeOffset fromAt, DateTimeOffset toAt, long? placeId, long? compoundId, string? placeText, string? note)
    {
        var field = $"itinerary[{index}]";
        if (toAt < fromAt)
        {
            return Error.Invalid(field, ErrorText.Of("error.cases.entry-ends-before-starts", index + 1));
        }

        var text = string.IsNullOrWhiteSpace(placeText) ? null : placeText.Trim();
        if (placeId is null && compoundId is null && text is null)
        {
            return Error.Invalid(field, ErrorText.Of("error.cases.entry-needs-place-compound-place", index + 1));
        }

        if (text?.Length > PlaceTextMaxLength || note?.Trim().Length > NoteMaxLength)
        {
            return Error.Invalid(field, ErrorText.Of("error.cases.entry-place-text-note-too", index + 1));
        }

        return new ItineraryEntry
        {
            FromAt = fromAt.ToUniversalTime(),
            ToAt = toAt.ToUniversalTime(),
            PlaceId = placeId,
            CompoundId = compoundId,
            PlaceText = text,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
    }
}
