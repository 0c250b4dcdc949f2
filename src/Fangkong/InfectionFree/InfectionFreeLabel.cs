using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.InfectionFree;

/// <summary>无疫小区 (a compound) or 无疫乡村 (a village, a community-level region).</summary>
public enum LabelKind
{
    Compound,
    Village,
}

/// <summary>Applied by the community → reviewed by the township → registered by the county; removed when it stops qualifying.</summary>
public enum LabelStatus
{
    Applied,
    Reviewed,
    Registered,
    Removed,
}

/// <summary>
/// An infection-free label (Jilin City, DOMAIN §3) and its way through the three levels. Every step
/// is taken only when the criteria hold on the day (checked by the caller with the area criteria);
/// the label is removed, with a <see cref="InfectionFreeNotice"/>, as soon as they stop holding.
/// </summary>
public sealed class InfectionFreeLabel : IRegionScoped
{
    public const int NameMaxLength = 100;
    public const int ReasonMaxLength = 500;

    private InfectionFreeLabel()
    {
        RegionCode = string.Empty;
        Name = string.Empty;
        AppliedBy = string.Empty;
    }

    public InfectionFreeLabel(LabelKind kind, long? compoundId, string regionCode, string name, string appliedBy, DateTimeOffset appliedAt)
    {
        Kind = kind;
        CompoundId = compoundId;
        RegionCode = regionCode;
        Name = name;
        AppliedBy = appliedBy;
        AppliedAt = appliedAt.ToUniversalTime();
        Status = LabelStatus.Applied;
    }

    public long Id { get; private set; }

    public LabelKind Kind { get; private set; }

    /// <summary>The compound of a 无疫小区; null for a village.</summary>
    public long? CompoundId { get; private set; }

    /// <summary>The compound's community, or the village's own code.</summary>
    public string RegionCode { get; private set; }

    public string Name { get; private set; }

    public LabelStatus Status { get; private set; }

    public string AppliedBy { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? RegisteredBy { get; private set; }

    public DateTimeOffset? RegisteredAt { get; private set; }

    public DateTimeOffset? RemovedAt { get; private set; }

    public string? RemovalReason { get; private set; }

    /// <summary>The unit key the area criteria use: the compound's id, or the village's code.</summary>
    public string UnitKey => Kind == LabelKind.Compound
        ? CompoundId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : RegionCode;

    public Error? Review(string by, DateTimeOffset at)
    {
        if (Status != LabelStatus.Applied)
        {
            return Error.Conflict(ErrorText.Of("error.infection-free.label-not-awaiting-review", Name, Id, Status));
        }

        Status = LabelStatus.Reviewed;
        ReviewedBy = by;
        ReviewedAt = at.ToUniversalTime();
        return null;
    }

    public Error? Register(string by, DateTimeOffset at)
    {
        if (Status != LabelStatus.Reviewed)
        {
            return Error.Conflict(ErrorText.Of("error.infection-free.label-not-reviewed", Name, Id, Status));
        }

        Status = LabelStatus.Registered;
        RegisteredBy = by;
        RegisteredAt = at.ToUniversalTime();
        return null;
    }

    public void Remove(DateTimeOffset at, string reason)
    {
        Status = LabelStatus.Removed;
        RemovedAt = at.ToUniversalTime();
        RemovalReason = reason.Length > ReasonMaxLength ? reason[..ReasonMaxLength] : reason;
    }
}
