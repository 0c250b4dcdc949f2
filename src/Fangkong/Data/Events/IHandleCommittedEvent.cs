using Fangkong.Common;

namespace Fangkong.Data;

/// <summary>
/// Reacts to <typeparamref name="TEvent"/> after the publisher committed it, on a system DbContext of its
/// own (jurisdiction not applied: the reaction may touch records outside the publisher's region) in its
/// own transactions. What it returns is handed back to the publisher's caller (a report of what it did).
/// A failure leaves the publisher's commit standing, so the reaction must be one that a later sweep can
/// redo, and must be idempotent. A handler needs a public parameterless constructor;
/// <see cref="CommittedEvents"/> finds it by reflection.
/// </summary>
public interface IHandleCommittedEvent<in TEvent>
    where TEvent : IDomainEvent
{
    Task<object> HandleAsync(FangkongDbContext system, TimeProvider time, TEvent domainEvent, CancellationToken ct);
}
