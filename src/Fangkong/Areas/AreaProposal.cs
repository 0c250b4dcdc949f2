using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Areas;

/// <summary>Why Fangkong proposes a change.</summary>
public enum ProposalRule
{
    /// <summary>A new positive in a compound or region without a designation: seal it (high risk).</summary>
    PositiveInUndesignated,

    /// <summary>A positive in a controlled (medium-risk) area turns it sealed (high risk).</summary>
    PositiveInControlled,

    /// <summary>A sealed or controlled area meets the three lifting criteria.</summary>
    LiftingCriteriaMet,

    /// <summary>9th edition: high risk, 7 clean days and a negative round on day 7: medium.</summary>
    HighToMedium,

    /// <summary>9th edition: medium risk, 3 more clean days: lifted to low.</summary>
    MediumToLow,

    /// <summary>Every sealed and controlled (high and medium) area of the county has lifted: lift its precaution (low-risk) area.</summary>
    CountyCleared,
}

public enum ProposalStatus
{
    Pending,
    Approved,
    Rejected,

    /// <summary>The facts changed before anyone decided: a newer evaluation replaced or dropped it.</summary>
    Superseded,
}

/// <summary>
/// A change of designation Fangkong proposes from the data. Nothing changes until an authorised
/// user approves it; rejection and approval keep who, when, why and which body.
/// </summary>
public sealed class AreaProposal : IRegionScoped
{
    public const int FactsMaxLength = 500;

    private AreaProposal()
    {
        RegionCode = string.Empty;
        UnitName = string.Empty;
        Facts = string.Empty;
    }

    public long Id { get; private set; }

    public AreaUnitKind UnitKind { get; private set; }

    public string RegionCode { get; private set; }

    public long? UnitId { get; private set; }

    public string UnitName { get; private set; }

    /// <summary>The designation it changes; null when the unit has none.</summary>
    public long? DesignationId { get; private set; }

    public AreaLevel? FromLevel { get; private set; }

    /// <summary>The new level; null to lift without a new one.</summary>
    public AreaLevel? ToLevel { get; private set; }

    public ProposalRule Rule { get; private set; }

    /// <summary>The facts behind it, e.g. "最近新增 2022-04-02；密接 … 阴性；核酸 04-18 全阴".</summary>
    public string Facts { get; private set; }

    public DateOnly ProposedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public ProposalStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionReason { get; private set; }

    public string? ApprovingBody { get; private set; }

    public AreaUnit Unit => new(UnitKind, RegionCode, UnitId, UnitName);

    public AreaProposal(AreaUnit unit, AreaDesignation? current, AreaLevel? toLevel, ProposalRule rule, string facts, DateOnly proposedOn, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(unit);
        UnitKind = unit.Kind;
        RegionCode = unit.RegionCode;
        UnitId = unit.UnitId;
        UnitName = unit.Name.Length > AreaUnit.NameMaxLength ? unit.Name[..AreaUnit.NameMaxLength] : unit.Name;
        DesignationId = current?.Id;
        FromLevel = current?.Level;
        ToLevel = toLevel;
        Rule = rule;
        Facts = facts.Length > FactsMaxLength ? facts[..FactsMaxLength] : facts;
        ProposedOn = proposedOn;
        CreatedAt = createdAt.ToUniversalTime();
        Status = ProposalStatus.Pending;
    }

    /// <summary>The same change as another (same unit, same designation, same target).</summary>
    public bool SameChange(AreaProposal other) =>
        other is not null && Unit.SameAs(other.UnitKind, other.RegionCode, other.UnitId) && DesignationId == other.DesignationId && ToLevel == other.ToLevel;

    public Error? Approve(string by, DateTimeOffset at, string reason, string? approvingBody) =>
        Decide(ProposalStatus.Approved, by, at, reason, approvingBody);

    public Error? Reject(string by, DateTimeOffset at, string reason) =>
        Decide(ProposalStatus.Rejected, by, at, reason, null);

    public void Supersede(DateTimeOffset at)
    {
        if (Status == ProposalStatus.Pending)
        {
            Status = ProposalStatus.Superseded;
            DecidedAt = at.ToUniversalTime();
            DecidedBy = "system";
        }
    }

    private Error? Decide(ProposalStatus status, string by, DateTimeOffset at, string reason, string? body)
    {
        if (Status != ProposalStatus.Pending)
        {
            return Error.Conflict(ErrorText.Of("error.areas.proposal-already-decided", Status, Id));
        }

        if (AreaDesignation.Text(reason, AreaDesignation.ReasonMaxLength, "reason", "理由") is { } badReason)
        {
            return badReason;
        }

        if (status == ProposalStatus.Approved && AreaDesignation.Text(body, AreaDesignation.BodyMaxLength, "approvingBody", "审批机构") is { } badBody)
        {
            return badBody;
        }

        Status = status;
        DecidedBy = by;
        DecidedAt = at.ToUniversalTime();
        DecisionReason = reason.Trim();
        ApprovingBody = body?.Trim();
        return null;
    }
}
