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
            return Error.Conflict(ErrorText.Of("error.quarantine.carer-s-placement-not-active", carer.Id, room.Number));
        }

        if (carer.Kind != subject.Kind || carer.DependantOfPlacementId is not null)
        {
            return Error.Invalid("carer", ErrorText.Of("error.quarantine.dependant-shares-only-carer-same", carer.Kind, subject.Kind));
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
            return Error.Conflict(ErrorText.Of("error.quarantine.placement-not-placed", Id, State));
        }

        if (at < PlacedAt)
        {
            return Error.Invalid("checked_in_at", ErrorText.Of("error.quarantine.check-cannot-precede-placement"));
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
            return Error.Conflict(ErrorText.Of("error.quarantine.placement-only-checked-placement-released", Id, State));
        }

        if (at < CheckedInAt)
        {
            return Error.Invalid("released_at", ErrorText.Of("error.quarantine.release-cannot-precede-check"));
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
            return Error.Conflict(ErrorText.Of("error.quarantine.placement-only-placed-one-can", Id, State));
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
            return Error.Conflict(ErrorText.Of("error.quarantine.placement", Id, State));
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (ReferenceEquals(from, to) || (to.Id == SpaceId && to.GetType() == from.GetType()))
        {
            return Error.Invalid("room", ErrorText.Of("error.quarantine.person-already-there"));
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

    /// <summary>Bulk writes assign ids before inserting (see Allocation.PlacementWriter), so that a dependant can name its carer.</summary>
    internal void AssignId(long id, long? carerId)
    {
        Id = id;
        if (DependantOfPlacementId is not null || carerId is not null)
        {
            DependantOfPlacementId = carerId;
        }
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
            return Error.Invalid("name", ErrorText.Of("error.quarantine.name-characters", NameMaxLength));
        }

        if (space.SiteId != site.Id)
        {
            return Error.Invalid("site", ErrorText.Of("error.quarantine.room-bed-not-site"));
        }

        if (!site.IsOpen)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.site-closed-new-placements", site.Name));
        }

        if (subject.Kind.TakesRoom() != space is QuarantineRoom)
        {
            return Error.Invalid("room", ErrorText.Of("error.quarantine.contacts-pool-members-take-rooms"));
        }

        if (subject.Kind == OccupantKind.Case && site.Kind != PlacementSubject.HospitalFor(subject.Severity))
        {
            return Error.Invalid("site", ErrorText.Of("error.quarantine.asymptomatic-mild-cases-go-shelter"));
        }

        if (subject.Kind == OccupantKind.Case ? subject.CaseId is null : subject.Key == 0)
        {
            return Error.Invalid("subject", ErrorText.Of("error.quarantine.person-s-contact-case-person"));
        }

        return reason is { Length: > ReasonMaxLength } ? Error.Invalid("reason", ErrorText.Of("error.quarantine.reason-most-characters", ReasonMaxLength)) : null;
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
        return matches ? null : Error.Invalid("room", ErrorText.Of("error.quarantine.placement-not", Id, space.Number));
    }

    private static Error? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ReasonMaxLength
            ? Error.Invalid("reason", ErrorText.Of("error.quarantine.reason-characters-required", ReasonMaxLength))
            : null;
}
