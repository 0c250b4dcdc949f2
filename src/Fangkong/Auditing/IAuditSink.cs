namespace Fangkong.Auditing;

/// <summary>
/// Takes audit lines of reads off the request path: a background writer appends them in batches.
/// The web host registers one; the console and tests have none and write each line at once.
/// </summary>
public interface IAuditSink
{
    /// <summary>
    /// Queues the line, waiting for room when the queue is full (never dropping it). False when the
    /// writer has stopped (the host is shutting down): the caller must then write the line itself.
    /// </summary>
    ValueTask<bool> TryEnqueueAsync(AuditEntry entry, CancellationToken cancellationToken = default);
}
