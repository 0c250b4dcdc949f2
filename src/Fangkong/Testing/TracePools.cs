using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// What a result sets off ("混管追踪"): every registered member of a positive pool goes under
/// in-place control at once, with a single-tube re-sampling task; an invalid tube sends its
/// members back to be re-sampled; a single tube's result resolves its person's open tasks
/// and antigen confirmations (negative: control lifted; positive: handed to case reporting as a
/// <see cref="PositivePerson"/>) and a positive single tube
/// with no task puts its person under control. Runs as the system, in one transaction, because
/// the members may live outside the lab's region; idempotent, so a tube traced twice changes
/// nothing. The tube keeps when tracing finished, against when its result arrived.
/// </summary>
public static class TracePools
{
    public sealed record Report(int Tubes, int PeopleControlled, int TasksCreated, int ControlsLifted, int PositivePeople, int Unregistered)
    {
        /// <summary>Nothing traced.</summary>
        public static Report None { get; } = new(0, 0, 0, 0, 0, 0);

        /// <summary>Both reports added up (a sweep of several transactions).</summary>
        public Report Plus(Report other)
        {
            ArgumentNullException.ThrowIfNull(other);
            return new(Tubes + other.Tubes, PeopleControlled + other.PeopleControlled, TasksCreated + other.TasksCreated,
                ControlsLifted + other.ControlsLifted, PositivePeople + other.PositivePeople, Unregistered + other.Unregistered);
        }
    }

    // A tracer that loses its claim reads again; each read leaves out what the winner traced.
    private const int Attempts = 3;

    public static async Task<Report> HandleAsync(FangkongDbContext system, TimeProvider time, IReadOnlyCollection<long> tubeIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(tubeIds);
        for (var attempt = 1; ; attempt++)
        {
            if (await TraceOnceAsync(system, time, tubeIds, ct) is { } report)
            {
                return report;
            }

            if (attempt == Attempts)
            {
                throw new DbUpdateConcurrencyException($"Tracing lost the claim on tubes {string.Join(",", tubeIds.Take(10))} {Attempts} times in a row.");
            }
        }
    }

    /// <summary>
    /// Traces once; null when another tracer (the request of the result or the sweep) claimed
    /// one of the tubes between our read and our claim, so that nothing is traced twice.
    /// </summary>
    private static async Task<Report?> TraceOnceAsync(FangkongDbContext system, TimeProvider time, IReadOnlyCollection<long> tubeIds, CancellationToken ct)
    {
        var tubes = await system.Tubes.Where(t => tubeIds.Contains(t.Id) && t.Result != null && t.TracedAt == null).ToListAsync(ct);
        if (tubes.Count == 0)
        {
            return Report.None;
        }

        var ids = tubes.Select(t => t.Id).ToList();
        var members = (await system.Samples.AsNoTracking().Where(s => ids.Contains(s.TubeId)).ToListAsync(ct)).ToLookup(s => s.TubeId);
        var now = time.GetUtcNow();
        int controlled = 0, tasks = 0, lifted = 0, positives = 0, unregistered = 0;
        var pools = new List<long>();
        await using var transaction = await system.Database.BeginTransactionAsync(ct);
        if (!await ClaimAsync(system, tubes, now, ct))
        {
            await transaction.RollbackAsync(ct);
            return null;
        }

        foreach (var tube in tubes)
        {
            var people = members[tube.Id].Where(m => m.PersonId is not null && m.PersonRegionCode is not null).ToList();
            unregistered += members[tube.Id].Count() - people.Count;
            if (tube.PoolSize > 1)
            {
                pools.Add(tube.Id);
            }
            else if (people.Count == 1)
            {
                var (l, p, c) = await ResolveSingleAsync(system, tube, people[0], now, ct);
                lifted += l;
                positives += p;
                controlled += c;
            }
        }

        if (pools.Count > 0)
        {
            (controlled, tasks) = (controlled + await InsertForPoolsAsync(system, ControlOrdersOfPositivePools, pools, now, ct),
                tasks + await InsertForPoolsAsync(system, TasksOfPools, pools, now, ct));
            var alerts = await InsertForPoolsAsync(system, AlertsOfPools, pools, now, ct);
            await system.AuditBulkAsync(Auditing.AuditActions.Insert, nameof(ControlOrder), $"traced pools {string.Join(",", pools)}: {controlled} control orders, {tasks} re-sampling tasks, {alerts} community alerts", ct);
        }

        await system.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        var done = time.GetUtcNow();
        Common.FangkongMetrics.Traced(controlled, tubes.Where(t => t.ResultReceivedAt is not null).Select(t => done - t.ResultReceivedAt!.Value));
        return new Report(tubes.Count, controlled, tasks, lifted, positives, unregistered);
    }

    /// <summary>
    /// Marks the tubes traced first, in the transaction: the tubes' version makes a racing tracer's
    /// same update match no row, so exactly one tracer goes on (docs/decisions/0018-concurrency.md).
    /// </summary>
    private static async Task<bool> ClaimAsync(FangkongDbContext system, List<Tube> tubes, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var tube in tubes)
        {
            tube.MarkTraced(now);
        }

        try
        {
            await system.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            foreach (var tube in tubes)
            {
                system.Entry(tube).State = EntityState.Detached;
            }

            return false;
        }
    }

    // One statement per kind for all the pools of an upload: a thousand members are written in
    // one round trip, not a thousand tracked entities (the latency of "混管追踪" is what matters).
    private const string ControlOrdersOfPositivePools = """
        INSERT INTO control_orders (person_id, region_code, reason, tube_id, round_id, started_at)
        SELECT s.person_id, s.person_region_code, '混管阳性 positive pool ' || t.barcode, t.id, t.round_id, {0}
        FROM samples s JOIN tubes t ON t.id = s.tube_id
        WHERE t.id IN (IDS) AND t.result = 'Positive' AND s.person_id IS NOT NULL AND s.person_region_code IS NOT NULL
        """;

    private const string TasksOfPools = """
        INSERT INTO resample_tasks (person_id, region_code, round_id, source_tube_id, created_at, status)
        SELECT s.person_id, s.person_region_code, t.round_id, t.id, {0}, 'Open'
        FROM samples s JOIN tubes t ON t.id = s.tube_id
        WHERE t.id IN (IDS) AND s.person_id IS NOT NULL AND s.person_region_code IS NOT NULL
        """;

    // Each community hears of its residents in the pool at once: one alert per tube and community.
    private const string AlertsOfPools = """
        INSERT INTO community_alerts (region_code, round_id, tube_id, kind, people, created_at)
        SELECT s.person_region_code, t.round_id, t.id, CASE WHEN t.result = 'Positive' THEN 'PositivePool' ELSE 'Resample' END, COUNT(*), {0}
        FROM samples s JOIN tubes t ON t.id = s.tube_id
        WHERE t.id IN (IDS) AND s.person_id IS NOT NULL AND s.person_region_code IS NOT NULL
        GROUP BY s.person_region_code, t.round_id, t.id, t.result
        """;

    private static Task<int> InsertForPoolsAsync(FangkongDbContext system, string sql, List<long> pools, DateTimeOffset now, CancellationToken ct)
    {
        // Ids come from the database as numbers, so they are written into the statement as such.
        var ids = string.Join(",", pools.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        object at = system.Database.IsNpgsql() ? now.ToUniversalTime() : now.ToUnixTimeMilliseconds();
#pragma warning disable EF1002 // The only interpolation is a list of numeric ids read from the database; the time is a parameter.
        return system.Database.ExecuteSqlRawAsync(sql.Replace("IDS", ids, StringComparison.Ordinal), [at], ct);
#pragma warning restore EF1002
    }

    private static async Task<(int Lifted, int Positive, int Controlled)> ResolveSingleAsync(FangkongDbContext system, Tube tube, Sample member, DateTimeOffset now, CancellationToken ct)
    {
        // An invalid or indeterminate single tube is sampled again; its person is not reported positive on it.
        if (tube.Result is TestResult.Invalid or TestResult.Indeterminate)
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

        if (positive)
        {
            // Handed to case reporting, which classifies the person into a case.
            system.PositivePersons.Add(new PositivePerson(
                member.PersonId!.Value, member.PersonRegionCode!, tube.Id, tube.RoundId, orders.Count > 0 ? PositiveSource.PoolRetest : PositiveSource.SingleTube, now));
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
