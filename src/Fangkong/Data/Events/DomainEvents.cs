using System.Collections.Concurrent;
using Fangkong.Common;

namespace Fangkong.Data;

/// <summary>
/// The in-process dispatcher of domain events (ADR 0024): a capability publishes what happened, the
/// capabilities that care handle it, and the publisher does not know them. Handlers run one after the
/// other on the publisher's DbContext before it saves, so the event and its reactions commit or fail
/// together; nothing is queued, nothing runs after the response.
/// </summary>
public static class DomainEvents
{
    private static readonly ConcurrentDictionary<Type, object[]> Handlers = new();

    /// <summary>Runs every handler of <typeparamref name="TEvent"/> on <paramref name="db"/>; the caller saves.</summary>
    public static async Task PublishAsync<TEvent>(this FangkongDbContext db, TEvent domainEvent, CancellationToken ct = default)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(domainEvent);
        foreach (var handler in HandlersOf<TEvent>())
        {
            await handler.HandleAsync(db, domainEvent, ct);
        }
    }

    /// <summary>The handlers of <typeparamref name="TEvent"/> in src/Fangkong, in the order of their full names.</summary>
    public static IReadOnlyList<IHandleDomainEvent<TEvent>> HandlersOf<TEvent>()
        where TEvent : IDomainEvent =>
        [.. Handlers.GetOrAdd(typeof(TEvent), static _ => Find<TEvent>()).Cast<IHandleDomainEvent<TEvent>>()];

    private static object[] Find<TEvent>()
        where TEvent : IDomainEvent =>
        [.. typeof(DomainEvents).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHandleDomainEvent<TEvent>).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => Activator.CreateInstance(t)!)];
}
