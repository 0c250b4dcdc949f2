using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;

namespace Fangkong.Quarantine;

/// <summary>
/// A person's stay in a quarantine room or a hospital bed: placed (the room or bed is reserved
/// while the person travels), checked in, then released; or cancelled before arrival. A move is
/// never silent: it ends this placement with a reason and starts another that names it
/// (<see cref="PreviousPlacementId"/>). Jurisdiction is the person's home region, so that the
/// home county follows its residents wherever they are placed; site staff work at city level
/// (a site receives people from every county of its city).
/// </summary>
public sealed class Placement : IRegionScoped
{
    public const int NameMaxLength = Persons.Person.NameMaxLength;
    public const int ReasonMaxLength = 200;
    public const int ByMaxLength = 256;

    private Placement()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
        PlacedBy = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The person's home region: who may see and manage the placement.</summary>
    public string RegionCode { get; private set; }

    public OccupantKind Kind { get; private set; }

    public long? PersonId { get; private set; }

    public long? ContactId { get; private set; }

    public long? CaseId { get; private set; }

    /// <summary>Display name; identity numbers stay in the source records.</summary>
    public string Name { get; private set; }

    /// <summary>A case's clinical type when placed; null for an asymptomatic infection and for non-cases.</summary>
    public Severity? Severity { get; private set; }

    public long SiteId { get; private set; }

    /// <summary>The floor, care unit or ward.</summary>
    public long SectionId { get; private set; }

    public long? RoomId { get; private set; }

    public long? BedId { get; private set; }

    /// <summary>For a declared dependant (child, person needing care): the carer's placement, in the same room.</summary>
    public long? DependantOfPlacementId { get; private set; }

    public DependantReason? DependantReason { get; private set; }

    /// <summary>When the need arose (contact identified, case reported, command centre's decision).</summary>
    public DateTimeOffset IdentifiedAt { get; private set; }

    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>When the placement ended: released, cancelled or moved.</summary>
    public DateTimeOffset? ReleasedAt { get; private set; }

    public PlacementState State { get; private set; }

    /// <summary>Why the person was placed here when it is not a first allocation (a move's reason).</summary>
    public string? Reason { get; private set; }

    /// <summary>Why the placement ended early (cancelled or moved).</summary>
    public string? EndReason { get; private set; }

    /// <summary>The placement this one replaces after a move.</summary>
    public long? PreviousPlacementId { get; private set; }

    /// <summary>The allocation run that made the placement, if any.</summary>
    public long? AllocationRunId { get; private set; }

    public string PlacedBy { get; private set; }

    /// <summary>Distance from home to the site in km, when the home position was known.</summary>
    public double? DistanceKm { get; private set; }

    public bool IsActive => State is PlacementState.Placed or PlacementState.CheckedIn;

    public long SpaceId => RoomId ?? BedId ?? 0;

    /// <summary>Places <paramref name="subject"/> alone in an available room (contacts, pool members) or bed (cases).</summary>
    public static Result<Placement> Place(
        PlacementSubject subject, QuarantineSite site, Space space, DateTimeOffset at, string by, long? runId = null, string? reason = null, double? distanceKm = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(space);
        if (Check(subject, site, space, reason) is { } error)
        {
            return error;
        }

        if (space.Occupy(at) is { } occupied)
        {
            return occupied;
        }

        return New(subject, site, space, at, by, runId, reason, distanceKm);
    }

    /// <summary>
    /// Places a declared dependant in the room of its carer's active placement: same kind of
    /// occupant (a contact never shares with a case, close and secondary never share), rooms only.
    /// </summary>
    public static Result<Placement> PlaceDependant(
        PlacementSubject subject, Placement carer, QuarantineSite site, QuarantineRoom room, DependantReason reason, DateTimeOffset at, string by, long? runId = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(carer);
        ArgumentNullException.ThrowIfNull(room);
        if (!carer.IsActive || carer.RoomId != room.Id)
        {
            return Error.Conflict($"陪护人未入住该房间 (the carer's placement {carer.Id} is not active in room {room.Number}).");
        }

        if (carer.Kind != subject.Kind || carer.DependantOfPlacementId is not null)
        {
            return Error.Invalid("carer", $"被照护人须与陪护人同类且陪护人本人不是被照护人 (a dependant shares only with a carer of the same kind, {carer.Kind} ≠ {subject.Kind}).");
        }

        if (Check(subject, site, room, null) is { } error)
        {
            return error;
        }

        if (room.Share(at) is { } full)
        {
            return full;
        }

        var placement = New(subject, site, room, at, by, runId, null, carer.DistanceKm);
        placement.DependantOfPlacementId = carer.Id;
        placement.DependantReason = reason;
        return placement;
    }

    /// <summary>The person arrived. The room or bed now needs disinfection after use.</summary>
    public Error? CheckIn(Space space, DateTimeOffset at)
    {
        if (CheckSpace(space) is { } wrong)
        {
            return wrong;
        }

        if (State != PlacementState.Placed)
        {
            return Error.Conflict($"安置 {Id} 不是待入住状态 (placement {Id} is {State}, not placed).");
        }

        if (at < PlacedAt)
        {
            return Error.Invalid("checked_in_at", "入住时间早于安置时间 (check-in cannot precede the placement).");
        }

        if (space.MarkUsed() is { } error)
        {
            return error;
        }

        State = PlacementState.CheckedIn;
        CheckedInAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>解除隔离 / 出院: the person leaves; the last to leave sends the room or bed to terminal disinfection.</summary>
    public Error? Release(Space space, DateTimeOffset at)
    {
        if (CheckSpace(space) is { } wrong)
        {
            return wrong;
        }

        if (State != PlacementState.CheckedIn)
        {
            return Error.Conflict($"安置 {Id} 未入住，不能解除 (placement {Id} is {State}; only a checked-in placement is released).");
        }

        if (at < CheckedInAt)
        {
            return Error.Invalid("released_at", "解除时间早于入住时间 (release cannot precede the check-in).");
        }

        if (space.Vacate(at) is { } error)
        {
            return error;
        }

        State = PlacementState.Released;
        ReleasedAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>The person never arrived (or the placement was a mistake); the room or bed is freed.</summary>
    public Error? Cancel(Space space, DateTimeOffset at, string reason)
    {
        if (CheckSpace(space) is { } wrong)
        {
            return wrong;
        }

        if (State != PlacementState.Placed)
        {
            return Error.Conflict($"只能取消未入住的安置 (placement {Id} is {State}; only a placed one can be cancelled).");
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (space.Vacate(at) is { } error)
        {
            return error;
        }

        State = PlacementState.Cancelled;
        ReleasedAt = at.ToUniversalTime();
        EndReason = reason.Trim();
        return null;
    }

    /// <summary>
    /// Moves the person to another room or bed, for a stated reason (severity changed, room
    /// fault, transfer): this placement ends (released if checked in, cancelled if not) and the
    /// new one names it. Dependants are moved by their own calls.
    /// </summary>
    public Result<Placement> MoveTo(Space from, QuarantineSite toSite, Space to, DateTimeOffset at, string by, string reason, Severity? severity = null)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(toSite);
        if (CheckSpace(from) is { } wrong)
        {
            return wrong;
        }

        if (!IsActive)
        {
            return Error.Conflict($"安置 {Id} 已结束 (placement {Id} is {State}).");
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (ReferenceEquals(from, to) || (to.Id == SpaceId && to.GetType() == from.GetType()))
        {
            return Error.Invalid("room", "目标与当前相同 (the person is already there).");
        }

        var subject = new PlacementSubject(Kind, PersonId, ContactId, CaseId, Name, RegionCode, severity ?? Severity, IdentifiedAt);
        if (Check(subject, toSite, to, reason) is { } error)
        {
            return error;
        }

        if (to.Occupy(at) is { } occupied)
        {
            return occupied;
        }

        if (from.Vacate(at) is { } vacate)
        {
            return vacate;
        }

        var wasIn = State == PlacementState.CheckedIn;
        State = wasIn ? PlacementState.Released : PlacementState.Cancelled;
        ReleasedAt = at.ToUniversalTime();
        EndReason = reason.Trim();
        var next = New(subject, toSite, to, at, by, null, reason.Trim(), null);
        next.PreviousPlacementId = Id;
        return next;
    }

    private static Placement New(PlacementSubject subject, QuarantineSite site, Space space, DateTimeOffset at, string by, long? runId, string? reason, double? distanceKm) =>
        new()
        {
            RegionCode = subject.RegionCode,
            Kind = subject.Kind,
            PersonId = subject.PersonId,
            ContactId = subject.ContactId,
            CaseId = subject.CaseId,
            Name = subject.Name.Trim(),
            Severity = subject.Kind == OccupantKind.Case ? subject.Severity : null,
            SiteId = site.Id,
            SectionId = space.SectionId,
            RoomId = space is QuarantineRoom ? space.Id : null,
            BedId = space is HospitalBed ? space.Id : null,
            IdentifiedAt = subject.IdentifiedAt.ToUniversalTime(),
            PlacedAt = at.ToUniversalTime(),
            State = PlacementState.Placed,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            AllocationRunId = runId,
            PlacedBy = by,
            DistanceKm = distanceKm,
        };

    /// <summary>The rules every placement keeps, whoever makes it: right kind of place, right hospital by severity.</summary>
    private static Error? Check(PlacementSubject subject, QuarantineSite site, Space space, string? reason)
    {
        if (string.IsNullOrWhiteSpace(subject.Name) || subject.Name.Trim().Length > NameMaxLength)
        {
            return Error.Invalid("name", $"姓名应为 1–{NameMaxLength} 个字 (name must have 1 to {NameMaxLength} characters).");
        }

        if (space.SiteId != site.Id)
        {
            return Error.Invalid("site", "房间或床位不属于该场所 (the room or bed is not in that site).");
        }

        if (!site.IsOpen)
        {
            return Error.Conflict($"{site.Name} 已关闭 (site {site.Name} is closed to new placements).");
        }

        if (subject.Kind.TakesRoom() != space is QuarantineRoom)
        {
            return Error.Invalid("room", "密接、次密接和混管阳性人员住隔离房间，病例住医院床位 (contacts and pool members take rooms, cases take beds).");
        }

        if (subject.Kind == OccupantKind.Case && site.Kind != PlacementSubject.HospitalFor(subject.Severity))
        {
            return Error.Invalid("site", "无症状和轻型入方舱医院，普通型及以上入定点医院 (asymptomatic and mild cases go to a shelter hospital, moderate and worse to a designated hospital).");
        }

        if (subject.Kind == OccupantKind.Case ? subject.CaseId is null : subject.Key == 0)
        {
            return Error.Invalid("subject", "缺少人员编号 (the person's contact, case or person id is missing).");
        }

        return reason is { Length: > ReasonMaxLength } ? Error.Invalid("reason", $"原因过长 (reason at most {ReasonMaxLength} characters).") : null;
    }

    private Error? CheckSpace(Space space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var matches = space switch
        {
            QuarantineRoom => RoomId == space.Id,
            HospitalBed => BedId == space.Id,
            _ => false,
        };
        return matches ? null : Error.Invalid("room", $"安置 {Id} 不在该房间或床位 (placement {Id} is not in {space.Number}).");
    }

    private static Error? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? Error.Invalid("reason", $"须说明原因 (a reason of 1 to {ReasonMaxLength} characters is required).")
            : null;
}
