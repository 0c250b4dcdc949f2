namespace Fangkong.Data;

/// <summary>
/// What one after-commit handler did (<see cref="CommittedEvents"/>): its report, or the exception that
/// stopped it. A failed reaction is caught up by the handler's sweep, not retried here.
/// </summary>
public sealed record Reaction(Type Handler, object? Outcome, Exception? Failure)
{
    public bool Failed => Failure is not null;
}
