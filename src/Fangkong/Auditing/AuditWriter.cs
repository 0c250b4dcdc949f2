using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Fangkong.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Auditing;

/// <summary>
/// The one writer of queued audit lines: a bounded in-process channel drained by one loop that
/// appends up to <see cref="AuditWriterSettings.BatchSize"/> lines per transaction. Reads no longer
/// take the database's write lock each (on SQLite they used to contend with every write); one
/// writer appends many lines at once. A full queue makes callers wait (back-pressure, counted and
/// logged), never drops a line; a graceful stop drains the queue before the host exits.
/// See docs/decisions/0019-audit-queue-and-authorization-suite.md.
/// </summary>
public sealed partial class AuditWriter : BackgroundService, IAuditSink
{
    private static readonly Meter Meter = new("Fangkong.Audit");
    private static readonly Counter<long> Written = Meter.CreateCounter<long>("fangkong.audit.written", description: "Audit lines appended by the background writer");
    private static readonly Counter<long> Waits = Meter.CreateCounter<long>("fangkong.audit.queue_full", description: "Times a caller waited because the audit queue was full");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>("fangkong.audit.write_failures", description: "Batches that failed to append and were retried");

    private readonly Channel<Item> _channel;
    private readonly IServiceScopeFactory _scopes;
    private readonly AuditWriterSettings _settings;
    private readonly ILogger<AuditWriter> _logger;
    private int _pending;

    public AuditWriter(IServiceScopeFactory scopes, AuditWriterSettings settings, ILogger<AuditWriter> logger)
    {
        _scopes = scopes;
        _settings = settings;
        _logger = logger;
        _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(settings.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        Meter.CreateObservableGauge("fangkong.audit.queue_length", () => Volatile.Read(ref _pending), description: "Audit lines waiting to be appended");
    }

    /// <summary>Lines queued and not yet appended.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public async ValueTask<bool> TryEnqueueAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var item = new Item(entry, null);
        Interlocked.Increment(ref _pending);
        if (_channel.Writer.TryWrite(item))
        {
            return true;
        }

        Waits.Add(1);
        LogQueueFull(_logger, _settings.Capacity);
        try
        {
            // The read has happened; its line must not be lost to a client that hung up meanwhile.
            await _channel.Writer.WriteAsync(item, CancellationToken.None);
            return true;
        }
        catch (ChannelClosedException)
        {
            Interlocked.Decrement(ref _pending);
            return false;
        }
    }

    /// <summary>Completes once every line queued before the call is committed (or the writer has stopped).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var marker = new Item(null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await _channel.Writer.WriteAsync(marker, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        await marker.Flushed!.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new lines from here on: late callers write their own line (TryEnqueueAsync answers false).
        _channel.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _channel.Reader;
        var batch = new List<AuditEntry>(_settings.BatchSize);
        var markers = new List<TaskCompletionSource>();

        // Not cancelled by the stopping token: the loop ends when the channel is completed and empty.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < _settings.BatchSize && reader.TryRead(out var item))
            {
                if (item.Entry is { } entry)
                {
                    batch.Add(entry);
                }
                else
                {
                    markers.Add(item.Flushed!);
                }
            }

            if (batch.Count > 0)
            {
                await AppendWithRetryAsync(batch, stoppingToken);
                Interlocked.Add(ref _pending, -batch.Count);
                batch.Clear();
            }

            markers.ForEach(m => m.TrySetResult());
            markers.Clear();
        }
    }

    private async Task AppendWithRetryAsync(List<AuditEntry> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AppendAsync(batch);
                Written.Add(batch.Count);
                return;
            }
            catch (Exception e) when (attempt < _settings.MaxAttempts || !stoppingToken.IsCancellationRequested)
            {
                // The database is busy or down: keep the lines and try again; callers wait once the queue fills.
                Failures.Add(1);
                LogAppendFailed(_logger, e, batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 50 * (1 << Math.Min(attempt, 7)))), CancellationToken.None);
            }
            catch (Exception e)
            {
                // Stopping and the database still refuses: the lines go to the log, in full, rather than nowhere.
                foreach (var entry in batch)
                {
                    LogLineLost(_logger, e, entry.At, entry.UserName, entry.Action, entry.Entity, entry.EntityKey, entry.ClientAddress);
                }

                return;
            }
        }
    }

    private async Task AppendAsync(List<AuditEntry> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        await using var db = scope.ServiceProvider.CreateSystemContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AuditLog.AddRange(batch);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit queue full ({Capacity} lines): the request waits until the writer catches up")]
    private static partial void LogQueueFull(ILogger logger, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} audit lines failed (attempt {Attempt}); retrying")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, int count, int attempt);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit line not stored at shutdown: {At} {User} {Action} {Entity} {Key} from {Client}")]
    private static partial void LogLineLost(ILogger logger, Exception exception, DateTimeOffset at, string user, string action, string entity, string key, string? client);

    private readonly record struct Item(AuditEntry? Entry, TaskCompletionSource? Flushed);
}

/// <summary>Size of the audit queue and of its batches (configuration section "Audit").</summary>
public sealed record AuditWriterSettings(int Capacity = 10_000, int BatchSize = 500, int MaxAttempts = 5)
{
    public const string Section = "Audit";
}
