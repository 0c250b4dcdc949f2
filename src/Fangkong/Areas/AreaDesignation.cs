using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Cases;

namespace Fangkong.Areas;

/// <summary>
/// One designation of a region, compound or building (封控区, 高风险区 …) from a day until it ends,
/// with why and by whom. A unit holds at most one designation in force per scheme: where the plan
/// allows both schemes (Jilin 2022, issue 15 rule 6), a 三区 level and a risk level side by side. Never changed in place nor deleted: a new level ends the old row and
/// starts a new one, so the rows of a unit are its full history.
/// </summary>
public sealed class AreaDesignation : IRegionScoped
{
    public const int ReasonMaxLength = 500;
    public const int BodyMaxLength = 100;
    public const int UserMaxLength = 256;

    private AreaDesignation()
    {
        RegionCode = string.Empty;
        UnitName = string.Empty;
        Reason = string.Empty;
        ApprovingBody = string.Empty;
        ApprovedBy = string.Empty;
    }

    public long Id { get; private set; }

    public AreaUnitKind UnitKind { get; private set; }

    /// <summary>The region of a region unit; the region a compound or building lies in.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The compound's or building's id; null for a region.</summary>
    public long? UnitId { get; private set; }

    public string UnitName { get; private set; }

    public AreaScheme Scheme { get; private set; }

    public AreaLevel Level { get; private set; }

    public DateOnly StartsOn { get; private set; }

    /// <summary>The day it was lifted or replaced; null while in force.</summary>
    public DateOnly? EndsOn { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The body whose decision it is, e.g. 船营区疫情防控指挥部.</summary>
    public string ApprovingBody { get; private set; }

    public string ApprovedBy { get; private set; }

    /// <summary>The proposal it was approved from; null for a designation made directly.</summary>
    public long? ProposalId { get; private set; }

    public string? EndReason { get; private set; }

    public string? EndedBy { get; private set; }

    public AreaUnit Unit => new(UnitKind, RegionCode, UnitId, UnitName);

    public static Result<AreaDesignation> Create(AreaUnit unit, AreaLevel level, AreaScheme schemeInForce, DateOnly startsOn, string reason, string approvingBody, string approvedBy, long? proposalId) =>
        Create(unit, level, [schemeInForce], startsOn, reason, approvingBody, approvedBy, proposalId);

    /// <summary>
    /// A new designation; its level must belong to one of the schemes the plan in force allows (the 8th
    /// edition as Jilin applied it allows both 三区 and the risk levels, issue 15 rule 6). Every refusal names its field.
    /// </summary>
    public static Result<AreaDesignation> Create(
        AreaUnit unit, AreaLevel level, IReadOnlyCollection<AreaScheme> schemesInForce, DateOnly startsOn, string reason, string approvingBody, string approvedBy, long? proposalId)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(schemesInForce);
        if (!schemesInForce.Contains(level.SchemeOf()))
        {
            return Error.Invalid("level", ErrorText.Of("error.areas.not-level-scheme-force", level.Zh(), level.En(), string.Join('+', schemesInForce)));
        }

        if (level.IsCountyWide() != (unit.Kind == AreaUnitKind.Region && unit.RegionCode.Length <= 6))
        {
            return Error.Invalid("level", level.IsCountyWide()
                ? ErrorText.Of("error.areas.designated-on-county", level.Zh(), level.En())
                : ErrorText.Of("error.areas.designated-below-county", level.Zh(), level.En()));
        }

        if (Text(reason, ReasonMaxLength, "reason", "理由") is { } badReason)
        {
            return badReason;
        }

        if (Text(approvingBody, BodyMaxLength, "approvingBody", "审批机构") is { } badBody)
        {
            return badBody;
        }

        return new AreaDesignation
        {
            UnitKind = unit.Kind,
            RegionCode = unit.RegionCode,
            UnitId = unit.UnitId,
            UnitName = unit.Name.Length > AreaUnit.NameMaxLength ? unit.Name[..AreaUnit.NameMaxLength] : unit.Name,
            Scheme = level.SchemeOf(),
            Level = level,
            StartsOn = startsOn,
            Reason = reason.Trim(),
            ApprovingBody = approvingBody.Trim(),
            ApprovedBy = approvedBy,
            ProposalId = proposalId,
        };
    }

    /// <summary>Lifts or replaces it on <paramref name="on"/>, not before it started.</summary>
    public Error? End(DateOnly on, string reason, string by)
    {
        if (EndsOn is not null)
        {
            return Error.Conflict(ErrorText.Of("error.areas.already-ended", UnitName, Level.Zh(), EndsOn, Level.En()));
        }

        if (on < StartsOn)
        {
            return Error.Invalid("on", ErrorText.Of("error.areas.cannot-end-before-started", StartsOn));
        }

        EndsOn = on;
        EndReason = reason.Length > ReasonMaxLength ? reason[..ReasonMaxLength] : reason;
        EndedBy = by;
        return null;
    }

    internal static Error? Text(string? text, int max, string field, string zh) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > max
            ? Error.Invalid(field, ErrorText.Of("error.areas.characters", zh, max, field))
            : null;
}
