using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// The SQL statements EF Core executes inside <see cref="CountAsync{T}"/>, on either provider, from
/// EF's diagnostic events. Only the calls of that async flow are counted: tests run in parallel in
/// this process, and the marker is an <see cref="AsyncLocal{T}"/>.
/// </summary>
internal sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<StatementCounter?> Current = new();

    private readonly ConcurrentQueue<string> _statements = new();

    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>Runs <paramref name="action"/> and returns its result with the statements it executed, in order.</summary>
    public static async Task<(T Result, IReadOnlyList<string> Statements)> CountAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var counter = new StatementCounter();
        using var all = DiagnosticListener.AllListeners.Subscribe(counter);
        try
        {
            Current.Value = counter;
            var result = await action();
            return (result, [.. counter._statements]);
        }
        finally
        {
            Current.Value = null;
            foreach (var subscription in counter._subscriptions)
            {
                subscription.Dispose();
            }
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed && Current.Value == this)
        {
            _statements.Enqueue(executed.Command.CommandText);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }
}
