using Fangkong.Access;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// A request as the caller may see it. Names and addresses only for roles that see residents'
/// details; full phones for roles that phone residents or see full identities; identity numbers
/// masked unless the role needs them (ADR 0016).
/// </summary>
public static class RequestView
{
    public sealed record Summary(
        long Id, string? TicketNo, RequestSource Source, RequestKind Kind, RequestUrgency Urgency, RequestState State,
        string RegionCode, bool Placed, string Name, string Phone, string Address,
        DateTimeOffset ReceivedAt, DateTimeOffset DueAt, bool Overdue, string? Assignee, int EscalationLevel, string? EscalatedTo);

    public sealed record Detail(
        Summary Request, string? IdNumber, string Description, string ReceivedBy, DateTimeOffset? AssignedAt, DateTimeOffset? StartedAt,
        string? Resolution, DateTimeOffset? ResolvedAt, DateTimeOffset? ConfirmedAt, string? ReturnReason, DateTimeOffset? ReturnedAt,
        DateTimeOffset? EscalatedAt);

    public static Summary SummaryOf(ResidentRequest r, Jurisdiction caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(caller);
        return new Summary(
            r.Id, r.TicketNo, r.Source, r.Kind, r.Urgency, r.State, r.RegionCode, r.Placed,
            Masking.NameFor(r.Name, caller), PhoneFor(r.Phone, caller), caller.SeesResidentDetails ? r.Address : string.Empty,
            r.ReceivedAt, r.DueAt, r.IsOverdueAt(now), r.Assignee, r.EscalationLevel, r.EscalatedTo);
    }

    public static Detail DetailOf(ResidentRequest r, Jurisdiction caller, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(caller);
        return new Detail(
            SummaryOf(r, caller, now), r.IdNumber is null ? null : Masking.IdNumberFor(r.IdNumber, caller),
            caller.SeesResidentDetails ? r.Description : string.Empty, r.ReceivedBy, r.AssignedAt, r.StartedAt,
            r.Resolution, r.ResolvedAt, r.ConfirmedAt, r.ReturnReason, r.ReturnedAt, r.EscalatedAt);
    }

    /// <summary>Community staff phone the resident back; the command centre sees full identities.</summary>
    public static string PhoneFor(string phone, Jurisdiction caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.SeesFullIdentity || caller.CallsResidents ? phone : Masking.Phone(phone);
    }
}
