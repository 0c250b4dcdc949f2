using System.Collections.Concurrent;
using Fangkong.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Fangkong.Data;

/// <summary>
/// The after-commit dispatcher of domain events (ADR 0034). <see cref="DomainEvents"/> runs reactions in
/// the publisher's transaction, as the publisher; some reactions cannot: they must see the committed
/// rows and act wherever the records live (tracing a positive pool controls members in other
/// jurisdictions). Those run here, once the publisher has saved, one after the other on a system
/// DbContext opened for them. A reaction that throws is logged and reported as failed; the publisher's
/// commit stands, and the reacting capability's sweep finishes the work later.
/// </summary>
public static partial class CommittedEvents
{
    private static readonly ConcurrentDictionary<Type, object[]> Handlers = new();

    /// <summary>
    /// Runs every after-commit handler of <typeparamref name="TEvent"/>. Call it after the publisher's
    /// <c>SaveChanges</c>, outside any transaction: inside one, the handlers would read rows that may
    /// still roll back, so that is refused as a bug.
    /// </summary>
    public static async Task<IReadOnlyList<Reaction>> PublishCommittedAsync<TEvent>(
        this FangkongDbContext db, TEvent domainEvent, TimeProvider time, CancellationToken ct = default)
        where TEvent : IDomainEvent
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(time);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException($"{typeof(TEvent).Name} was published after commit inside an open transaction: commit first.");
        }

        var handlers = HandlersOf<TEvent>();
        if (handlers.Count == 0)
        {
            return [];
        }

        var log = db.GetService<ILoggerFactory>().CreateLogger(typeof(CommittedEvents));
        var reactions = new List<Reaction>(handlers.Count);
        await using var system = db.CreateSystemSibling();
        foreach (var handler in handlers)
        {
            try
            {
                reactions.Add(new Reaction(handler.GetType(), await handler.HandleAsync(system, time, domainEvent, ct), null));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The publisher's rows are committed: its answer must not become an error. The sweep redoes it.
                LogFailed(log, e, handler.GetType().Name, typeof(TEvent).Name);
                system.ChangeTracker.Clear();
                reactions.Add(new Reaction(handler.GetType(), null, e));
            }
        }

        return reactions;
    }

    /// <summary>The after-commit handlers of <typeparamref name="TEvent"/> in src/Fangkong, in the order of their full names.</summary>
    public static IReadOnlyList<IHandleCommittedEvent<TEvent>> HandlersOf<TEvent>()
        where TEvent : IDomainEvent =>
        [.. Handlers.GetOrAdd(typeof(TEvent), static _ => Find<TEvent>()).Cast<IHandleCommittedEvent<TEvent>>()];

    private static object[] Find<TEvent>()
        where TEvent : IDomainEvent =>
        [.. typeof(CommittedEvents).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IHandleCommittedEvent<TEvent>).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => Activator.CreateInstance(t)!)];

    [LoggerMessage(Level = LogLevel.Error, Message = "After-commit handler {Handler} of {Event} failed; its sweep will catch up")]
    private static partial void LogFailed(ILogger logger, Exception exception, string handler, string @event);
}
