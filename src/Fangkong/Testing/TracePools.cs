using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// What a result sets off ("混管追踪"): every registered member of a positive pool goes under
/// in-place control at once, with a single-tube re-sampling task; an invalid tube sends its
/// members back to be re-sampled; a single tube's result resolves its person's open tasks
/// and antigen confirmations (negative: control lifted; positive: handed to case reporting) and a positive single tube
/// with no task puts its person under control. Runs as the system, in one transaction, because
/// the members may live outside the lab's region; idempotent, so a tube traced twice changes
/// nothing. The tube keeps when tracing finished, against when its result arrived.
/// </summary>
public static class TracePools
{
    public sealed record Report(int Tubes, int PeopleControlled, int TasksCreated, int ControlsLifted, int PositivePeople, int Unregistered);

    public static async Task<Report> HandleAsync(FangkongDbContext system, TimeProvider time, IReadOnlyCollection<long> tubeIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(tubeIds);
        var tubes = await system.Tubes.Where(t => tubeIds.Contains(t.Id) && t.Result != null && t.TracedAt == null).ToListAsync(ct);
        if (tubes.Count == 0)
        {
            return new Report(0, 0, 0, 0, 0, 0);
        }

        var ids = tubes.Select(t => t.Id).ToList();
        var members = (await system.Samples.AsNoTracking().Where(s => ids.Contains(s.TubeId)).ToListAsync(ct)).ToLookup(s => s.TubeId);
        var now = time.GetUtcNow();
        int controlled = 0, tasks = 0, lifted = 0, positives = 0, unregistered = 0;
        foreach (var tube in tubes)
        {
            var people = members[tube.Id].Where(m => m.PersonId is not null && m.PersonRegionCode is not null).ToList();
            unregistered += members[tube.Id].Count() - people.Count;
            if (tube.PoolSize > 1)
            {
                foreach (var member in people)
                {
                    if (tube.Result == TestResult.Positive)
                    {
                        system.ControlOrders.Add(new ControlOrder(member.PersonId!.Value, member.PersonRegionCode!, $"混管阳性 positive pool {tube.Barcode}", tube.Id, tube.RoundId, now));
                        controlled++;
                    }

                    system.ResampleTasks.Add(new ResampleTask(member.PersonId!.Value, member.PersonRegionCode!, tube.RoundId, tube.Id, now));
                    tasks++;
                }
            }
            else if (people.Count == 1)
            {
                var (l, p, c) = await ResolveSingleAsync(system, tube, people[0], now, ct);
                lifted += l;
                positives += p;
                controlled += c;
            }

            tube.MarkTraced(time.GetUtcNow());
        }

        await system.SaveChangesAsync(ct);
        return new Report(tubes.Count, controlled, tasks, lifted, positives, unregistered);
    }

    private static async Task<(int Lifted, int Positive, int Controlled)> ResolveSingleAsync(FangkongDbContext system, Tube tube, Sample member, DateTimeOffset now, CancellationToken ct)
    {
        if (tube.Result == TestResult.Invalid)
        {
            system.ResampleTasks.Add(new ResampleTask(member.PersonId!.Value, member.PersonRegionCode!, tube.RoundId, tube.Id, now));
            return (0, 0, 0);
        }

        var positive = tube.Result == TestResult.Positive;
        var open = await system.ResampleTasks
            .Where(t => t.RoundId == tube.RoundId && t.PersonId == member.PersonId && t.Status == ResampleStatus.Open && t.SourceTubeId != tube.Id)
            .ToListAsync(ct);
        foreach (var task in open)
        {
            task.Resolve(tube.Id, positive ? ResampleStatus.Positive : ResampleStatus.Negative, now);
        }

        // A single tube also confirms (or clears) a positive antigen self-test.
        var confirmations = await system.ConfirmationTasks.Where(t => t.PersonId == member.PersonId && t.Status == ResampleStatus.Open).ToListAsync(ct);
        foreach (var confirmation in confirmations)
        {
            confirmation.Resolve(tube.Id, positive ? ResampleStatus.Positive : ResampleStatus.Negative, now);
        }

        var orders = await system.ControlOrders.Where(o => o.PersonId == member.PersonId && o.RoundId == tube.RoundId && o.EndedAt == null).ToListAsync(ct);
        foreach (var order in orders)
        {
            order.End(positive ? ControlOutcome.Positive : ControlOutcome.Lifted, now);
        }

        if (positive && orders.Count == 0)
        {
            // A positive single tube with no pool behind it: control at once; case reporting takes over.
            system.ControlOrders.Add(new ControlOrder(member.PersonId!.Value, member.PersonRegionCode!, $"单管阳性 positive single tube {tube.Barcode}", tube.Id, tube.RoundId, now));
            return (0, 1, 1);
        }

        return (positive ? 0 : orders.Count, positive ? 1 : 0, 0);
    }
}
