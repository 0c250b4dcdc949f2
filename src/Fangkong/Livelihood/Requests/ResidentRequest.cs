using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// A resident's request (诉求): from the 12345 hotline, from community staff or from the resident.
/// Placed in the community of its address, or, when the address names none, in its district's queue
/// (<see cref="Placed"/> false) until the district places it. It has a clock (<see cref="DueAt"/>):
/// minutes for a medical emergency, the same day otherwise (事不过夜). Received → assigned → in
/// progress → resolved → confirmed by the resident; or returned. Scoped by its region.
/// </summary>
public sealed class ResidentRequest : IRegionScoped
{
    public const int TicketMaxLength = 40;
    public const int NameMaxLength = 50;
    public const int PhoneMaxLength = 20;
    public const int AddressMaxLength = 200;
    public const int DescriptionMaxLength = 1000;
    public const int AssigneeMaxLength = 100;
    public const int NoteMaxLength = 500;
    public const int ByMaxLength = 256;
    public const int IdNumberMaxLength = 32;

    private ResidentRequest()
    {
        RegionCode = string.Empty;
        Name = string.Empty;
        Phone = string.Empty;
        Address = string.Empty;
        Description = string.Empty;
        ReceivedBy = string.Empty;
    }

    /// <summary>A checked draft (<see cref="RequestDraft"/>), placed and with its clock.</summary>
    internal ResidentRequest(RequestDraft.Checked d, RequestPlacement placement, DateTimeOffset dueAt, string receivedBy)
    {
        Source = d.Source;
        TicketNo = d.TicketNo;
        Kind = d.Kind;
        Urgency = d.Urgency;
        Name = d.Name;
        Phone = d.Phone;
        IdNumber = d.IdNumber;
        Address = d.Address;
        Description = d.Description;
        RegionCode = placement.RegionCode;
        Placed = placement.Placed;
        CompoundId = placement.CompoundId;
        ReceivedAt = d.ReceivedAt.ToUniversalTime();
        DueAt = dueAt.ToUniversalTime();
        ReceivedBy = receivedBy;
        State = RequestState.Received;
    }

    public long Id { get; private set; }

    /// <summary>The community of the address; the district while it waits in the district's queue.</summary>
    public string RegionCode { get; private set; }

    /// <summary>False while the request waits in its district's queue for a community.</summary>
    public bool Placed { get; private set; }

    public long? CompoundId { get; private set; }

    public RequestSource Source { get; private set; }

    /// <summary>The 12345 ticket number (工单号): unique, so a ticket sent twice is one request.</summary>
    public string? TicketNo { get; private set; }

    public RequestKind Kind { get; private set; }

    public RequestUrgency Urgency { get; private set; }

    public string Name { get; private set; }

    public string Phone { get; private set; }

    /// <summary>Only when the need requires it (a hospital admits a patient by identity).</summary>
    public string? IdNumber { get; private set; }

    public string Address { get; private set; }

    public string Description { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    public string ReceivedBy { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public RequestState State { get; private set; }

    /// <summary>Who answers for it (经办人): a member of the community's staff.</summary>
    public string? Assignee { get; private set; }

    public DateTimeOffset? AssignedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public string? Resolution { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ConfirmedAt { get; private set; }

    public string? ReturnReason { get; private set; }

    public DateTimeOffset? ReturnedAt { get; private set; }

    /// <summary>0 with its community; one more for each level it was escalated to (逐级督办).</summary>
    public int EscalationLevel { get; private set; }

    public string? EscalatedTo { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    public bool IsOpen => State is RequestState.Received or RequestState.Assigned or RequestState.InProgress;

    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && now > DueAt;

    /// <summary>The district queue places the request in one of its communities.</summary>
    public Error? PlaceIn(string community, long? compoundId)
    {
        if (State != RequestState.Received)
        {
            return Refused("error.livelihood.request-place-received-only");
        }

        if (community.Length != 12 || !community.StartsWith(RegionCode, StringComparison.Ordinal))
        {
            return Error.Invalid("regionCode", ErrorText.Of("error.livelihood.request-place-community-below", community, RegionCode));
        }

        RegionCode = community;
        CompoundId = compoundId;
        Placed = true;
        return null;
    }

    public Error? Assign(string? assignee, DateTimeOffset at)
    {
        var name = assignee?.Trim() ?? string.Empty;
        if (name.Length is 0 or > AssigneeMaxLength)
        {
            return Error.Invalid("assignee", ErrorText.Of("error.livelihood.request-assignee-needed", AssigneeMaxLength));
        }

        if (State is not (RequestState.Received or RequestState.Assigned))
        {
            return Refused("error.livelihood.request-assign-before-work");
        }

        if (!Placed)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.request-not-placed", Id));
        }

        Assignee = name;
        AssignedAt = at.ToUniversalTime();
        State = RequestState.Assigned;
        return null;
    }

    public Error? Start(DateTimeOffset at)
    {
        if (State != RequestState.Assigned)
        {
            return Refused("error.livelihood.request-start-assigned-only");
        }

        StartedAt = at.ToUniversalTime();
        State = RequestState.InProgress;
        return null;
    }

    public Error? Resolve(string? resolution, DateTimeOffset at)
    {
        var text = resolution?.Trim() ?? string.Empty;
        if (text.Length is 0 or > NoteMaxLength)
        {
            return Error.Invalid("resolution", ErrorText.Of("error.livelihood.request-resolution-needed", NoteMaxLength));
        }

        // Nobody answers for a request without an owner: it is assigned first, whatever its state.
        if (Assignee is null)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.request-resolve-without-owner", Id));
        }

        if (State != RequestState.InProgress)
        {
            return Refused("error.livelihood.request-resolve-in-progress-only");
        }

        Resolution = text;
        ResolvedAt = at.ToUniversalTime();
        State = RequestState.Resolved;
        return null;
    }

    /// <summary>The resident confirms the answer: only with the phone the request was made with.</summary>
    public Error? Confirm(string? phone, DateTimeOffset at)
    {
        if (phone is null || !string.Equals(phone, Phone, StringComparison.Ordinal))
        {
            return Error.Forbidden(ErrorText.Of("error.livelihood.request-confirm-own-only"));
        }

        if (State != RequestState.Resolved)
        {
            return Refused("error.livelihood.request-confirm-resolved-only");
        }

        ConfirmedAt = at.ToUniversalTime();
        State = RequestState.Confirmed;
        return null;
    }

    public Error? Return(string? reason, DateTimeOffset at)
    {
        var text = reason?.Trim() ?? string.Empty;
        if (text.Length is 0 or > NoteMaxLength)
        {
            return Error.Invalid("reason", ErrorText.Of("error.livelihood.request-return-reason-needed", NoteMaxLength));
        }

        if (State is not (RequestState.Received or RequestState.Assigned))
        {
            return Refused("error.livelihood.request-return-before-work");
        }

        ReturnReason = text;
        ReturnedAt = at.ToUniversalTime();
        State = RequestState.Returned;
        return null;
    }

    /// <summary>
    /// An overdue request moves one level up (社区 → 街道 → 区县 → 市): once per period it stays
    /// overdue, so a sweep that runs every minute does not climb the tree in one go.
    /// </summary>
    public bool EscalateIfDue(DateTimeOffset now, TimeSpan period)
    {
        if (!IsOverdueAt(now))
        {
            return false;
        }

        var levelsDue = 1 + (int)((now - DueAt).Ticks / Math.Max(1, period.Ticks));
        var current = EscalatedTo ?? RegionCode;
        var parent = Regions.RegionCode.ParentOf(current);
        if (EscalationLevel >= levelsDue || parent.Length < 4)
        {
            return false;
        }

        EscalationLevel++;
        EscalatedTo = parent;
        EscalatedAt = now.ToUniversalTime();
        return true;
    }

    private Error Refused(string code) => Error.Conflict(ErrorText.Of(code, Id, State));
}
