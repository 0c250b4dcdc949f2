using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Passes;

/// <summary>
/// A movement pass (通行证) applied for by a unit, for a person and/or a vehicle, valid in some
/// regions between two instants. Scoped to the applicant unit's region. Applied → approved or
/// rejected; approved → revoked; an approved pass past its end reads as expired. Each step is
/// kept as a <see cref="PassEvent"/>.
/// </summary>
public sealed class Pass : IRegionScoped
{
    public const int RegionsMaxLength = 200;
    public const int MaxRegions = 8;
    public const int HolderNameMaxLength = 50;
    public const int IdNumberMaxLength = 32;
    public const int PurposeMaxLength = 200;
    public const int NoteMaxLength = 200;
    public const int TokenMaxLength = 1024;
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(31);

    private Pass()
    {
        RegionCode = string.Empty;
        Regions = string.Empty;
        Purpose = string.Empty;
        AppliedBy = string.Empty;
    }

    public Pass(
        PassKind kind, long organisationId, string unitRegion, IReadOnlyCollection<string> regions, string? holderName, string? holderIdNumber,
        string? plate, string purpose, DateTimeOffset validFrom, DateTimeOffset validTo, string appliedBy, DateTimeOffset appliedAt)
    {
        Kind = kind;
        OrganisationId = organisationId;
        RegionCode = unitRegion;
        Regions = string.Join(' ', regions);
        HolderName = holderName;
        HolderIdNumber = holderIdNumber;
        Plate = plate;
        Purpose = purpose;
        ValidFrom = validFrom.ToUniversalTime();
        ValidTo = validTo.ToUniversalTime();
        AppliedBy = appliedBy;
        AppliedAt = appliedAt.ToUniversalTime();
        Status = PassStatus.Applied;
    }

    public long Id { get; private set; }

    public PassKind Kind { get; private set; }

    public long OrganisationId { get; private set; }

    /// <summary>The applicant unit's region: who may see and manage the pass.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The region codes the pass is valid in, space-separated; each covers its subtree.</summary>
    public string Regions { get; private set; }

    public string? HolderName { get; private set; }

    public string? HolderIdNumber { get; private set; }

    public string? Plate { get; private set; }

    public string Purpose { get; private set; }

    public DateTimeOffset ValidFrom { get; private set; }

    public DateTimeOffset ValidTo { get; private set; }

    public PassStatus Status { get; private set; }

    public string AppliedBy { get; private set; }

    public DateTimeOffset AppliedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The signed token of an approved pass (what its QR code holds).</summary>
    public string? Token { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public IReadOnlyList<string> RegionList => Regions.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The level that must approve: a pass valid in more than one county is a city matter.</summary>
    public ApprovalLevel Level => LevelFor(RegionList);

    public static ApprovalLevel LevelFor(IEnumerable<string> regions)
    {
        var list = regions.ToList();
        return list.Any(r => r.Length < 6) || list.Select(r => r[..6]).Distinct(StringComparer.Ordinal).Count() > 1
            ? ApprovalLevel.City
            : ApprovalLevel.County;
    }

    /// <summary>The status as seen at <paramref name="now"/>: an approved pass past its end is expired.</summary>
    public PassStatus StatusAt(DateTimeOffset now) =>
        Status == PassStatus.Approved && now > ValidTo ? PassStatus.Expired : Status;

    /// <summary>True when the pass counts against its unit's quota at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => StatusAt(now) == PassStatus.Approved;

    /// <summary>The holder's name and masked identity number, as a token and a checkpoint show them.</summary>
    public string MaskedHolder()
    {
        var name = HolderName is { Length: > 0 } n ? n[..1] + new string('*', Math.Max(1, n.Length - 1)) : string.Empty;
        var id = HolderIdNumber is { Length: > 0 } d ? Masking.IdNumber(d) : string.Empty;
        return $"{name} {id}".Trim();
    }

    public Error? Approve(string by, DateTimeOffset at, string token)
    {
        if (Status != PassStatus.Applied)
        {
            return Error.Conflict(ErrorText.Of("error.passes.pass-not-awaiting-approval", Id, Status));
        }

        if (at > ValidTo)
        {
            return Error.Conflict(ErrorText.Of("error.passes.pass-ended-before-approved", Id));
        }

        Status = PassStatus.Approved;
        DecidedBy = by;
        DecidedAt = at.ToUniversalTime();
        Token = token;
        return null;
    }

    public Error? Reject(string by, DateTimeOffset at, string note)
    {
        if (Status != PassStatus.Applied)
        {
            return Error.Conflict(ErrorText.Of("error.passes.pass-not-awaiting-approval", Id, Status));
        }

        Status = PassStatus.Rejected;
        DecidedBy = by;
        DecidedAt = at.ToUniversalTime();
        Note = note;
        return null;
    }

    public Error? Revoke(DateTimeOffset at, string note)
    {
        if (Status != PassStatus.Approved)
        {
            return Error.Conflict(ErrorText.Of("error.passes.only-approved-pass-can-revoked", Id, Status));
        }

        Status = PassStatus.Revoked;
        RevokedAt = at.ToUniversalTime();
        Note = note;
        return null;
    }
}

/// <summary>Who must approve a pass.</summary>
public enum ApprovalLevel
{
    County,
    City,
}

/// <summary>One step in a pass's history: applied, approved, rejected, revoked.</summary>
public sealed class PassEvent : IRegionScoped
{
    private PassEvent()
    {
        RegionCode = string.Empty;
        Action = string.Empty;
        By = string.Empty;
    }

    public PassEvent(Pass pass, string action, string by, DateTimeOffset at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(pass);
        PassId = pass.Id;
        RegionCode = pass.RegionCode;
        Action = action;
        By = by;
        At = at.ToUniversalTime();
        Note = note;
    }

    public long Id { get; private set; }

    public long PassId { get; private set; }

    public string RegionCode { get; private set; }

    public string Action { get; private set; }

    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }
}

/// <summary>How many active passes of one kind a unit may hold (配额).</summary>
public sealed class PassQuota : IRegionScoped
{
    private PassQuota() => RegionCode = string.Empty;

    public PassQuota(long organisationId, string regionCode, PassKind kind, int limit)
    {
        OrganisationId = organisationId;
        RegionCode = regionCode;
        Kind = kind;
        Limit = limit;
    }

    public long Id { get; private set; }

    public long OrganisationId { get; private set; }

    public string RegionCode { get; private set; }

    public PassKind Kind { get; private set; }

    public int Limit { get; private set; }

    public void Change(int limit) => Limit = limit;
}
