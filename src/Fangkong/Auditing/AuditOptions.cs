using System.ComponentModel.DataAnnotations;

namespace Fangkong.Auditing;

/// <summary>The <c>Audit</c> section: the size of the audit queue and of its batches.</summary>
public sealed class AuditOptions
{
    public const string Section = AuditWriterSettings.Section;

    /// <summary>Lines waiting to be stored; when full, requests wait (back-pressure) rather than lose lines.</summary>
    [Range(1, 1_000_000)]
    public int Capacity { get; set; } = new AuditWriterSettings().Capacity;

    /// <summary>Lines stored in one insert.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = new AuditWriterSettings().BatchSize;

    /// <summary>Attempts to store a batch before its lines are logged as lost.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = new AuditWriterSettings().MaxAttempts;

    public AuditWriterSettings Settings => new(Capacity, BatchSize, MaxAttempts);
}
