using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.Data.Concurrency;

/// <summary>
/// Raises the <see cref="RowVersion"/> of every versioned row that a save updates, so that the
/// UPDATE reads <c>SET version = n + 1 … WHERE id = … AND version = n</c>. An interceptor, not
/// code in the DbContext, so that every save (requests, jobs, the CLI) does it.
/// </summary>
internal sealed class RowVersionInterceptor : SaveChangesInterceptor
{
    public static RowVersionInterceptor Instance { get; } = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Raise(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Raise(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Raise(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // EF detects changes after this hook: look now, unless the caller manages states itself (bulk paths).
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified || !RowVersion.IsVersioned(entry.Metadata))
            {
                continue;
            }

            var version = entry.Property(RowVersion.Property);
            var read = (long)version.OriginalValue!;
            // Only once per save: a retried save of the same change keeps its raised number.
            if ((long)version.CurrentValue! == read)
            {
                version.CurrentValue = read + 1;
            }
        }
    }
}
