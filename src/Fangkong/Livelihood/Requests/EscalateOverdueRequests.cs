using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// The overdue sweep (逐级督办): every open request past its clock moves one level up, once per period
/// it stays overdue (<see cref="RequestClock.EscalationPeriod"/>). Run by the web host's scheduler and
/// the CLI (<c>requests sweep</c>), as the system; safe to run as often as wanted.
/// </summary>
public static class EscalateOverdueRequests
{
    public sealed record Swept(int Overdue, int Escalated);

    /// <summary>Requests read and saved per round trip: a day of a city's requests is swept in batches.</summary>
    public const int BatchSize = 1000;

    public static async Task<Swept> HandleAsync(FangkongDbContext db, TimeProvider time, LivelihoodOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var now = time.GetUtcNow();
        var overdue = 0;
        var escalated = 0;
        long after = 0;
        while (true)
        {
            var batch = await db.ResidentRequests()
                .Where(r => r.Id > after && r.DueAt < now
                    && (r.State == RequestState.Received || r.State == RequestState.Assigned || r.State == RequestState.InProgress))
                .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            overdue += batch.Count;
            escalated += batch.Count(r => r.EscalateIfDue(now, RequestClock.EscalationPeriod(r.Urgency, options)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            after = batch[^1].Id;
        }

        return new Swept(overdue, escalated);
    }
}
