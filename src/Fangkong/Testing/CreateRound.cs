using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// Starts a testing round over a region inside the caller's jurisdiction, with its deadline and
/// pool size, and gives the pool-size advice from the area's recent positivity.
/// </summary>
public static class CreateRound
{
    /// <summary>How far back results count for the positivity behind the pool-size advice.</summary>
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(7);

    public sealed record Command(string Name, string RegionCode, int? PoolSize, DateTimeOffset? StartsAt, TimeSpan? Duration);

    public sealed record Created(long Id, string Name, string RegionCode, DateTimeOffset StartsAt, DateTimeOffset Deadline, int PoolSize, long ShouldTest, PoolAdvice.Advice Advice);

    public static async Task<Result<Created>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var name = command.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > TestingRound.NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.testing.round-needs-name-characters", TestingRound.NameMaxLength));
        }

        var region = Regions.RegionCode.Normalise(command.RegionCode);
        if (region is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", command.RegionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        if (!await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.region-not-registry", region));
        }

        var poolSize = command.PoolSize ?? 10;
        if (!PoolSizes.IsValid(poolSize))
        {
            return Error.Invalid("poolSize", ErrorText.Of("error.testing.pool-size-not-one", poolSize));
        }

        var duration = command.Duration ?? TestingRound.DefaultDuration;
        if (duration <= TimeSpan.Zero || duration > TimeSpan.FromDays(7))
        {
            return Error.Invalid("duration", ErrorText.Of("error.testing.deadline-within-days-start"));
        }

        var now = time.GetUtcNow();
        var startsAt = command.StartsAt ?? now;
        var round = new TestingRound(name, region, startsAt, startsAt + duration, poolSize, db.Jurisdiction.UserName);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            db.TestingRounds.Add(round);
            await db.SaveChangesAsync(ct);
            await SamplePartitions.CreateAsync(db, round.Id, ct);
            await transaction.CommitAsync(ct);
        }

        var shouldTest = await Populations.InSubtreeAsync(db, region, ct);
        var advice = await AdviceAsync(db, region, now, shouldTest, ct);
        return new Created(round.Id, round.Name, round.RegionCode, round.StartsAt, round.Deadline, round.PoolSize, shouldTest, advice);
    }

    /// <summary>
    /// Positivity of the people resulted in the area over the look-back window: positive single
    /// tubes plus positive pools (a pool holds about one positive), over the people resulted. A
    /// pool's positive member re-tested alone counts twice, which errs towards smaller pools.
    /// The people resulted come from the maintained tallies of the rounds whose deadline falls in
    /// the window (ADR 0029), the positives from the few positive tubes of those rounds, so that
    /// the advice costs the same whatever the number of swabs. <paramref name="region"/> lies in
    /// the caller's jurisdiction (checked by the callers); swabs count wherever they were taken.
    /// </summary>
    public static async Task<PoolAdvice.Advice> AdviceAsync(FangkongDbContext db, string region, DateTimeOffset now, long population, CancellationToken ct)
    {
        var since = (now - LookBack).ToUniversalTime();
        var rounds = await db.TestingRounds.AsNoTracking().Where(r => r.Deadline >= since).Select(r => r.Id).ToListAsync(ct);
        var people = await db.Set<Tallies.RoundTally>().BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
            .Where(t => EF.Parameter(rounds).Contains(t.RoundId) && t.RegionCode.StartsWith(region))
            .SumAsync(t => t.Resulted, ct);
        var members = db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
            .Where(s => EF.Parameter(rounds).Contains(s.RoundId) && s.PersonRegionCode != null && s.PersonRegionCode.StartsWith(region))
            .Join(
                db.Tubes.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
                    .Where(t => EF.Parameter(rounds).Contains(t.RoundId) && t.Result == TestResult.Positive && t.ResultReceivedAt >= since),
                s => s.TubeId,
                t => t.Id,
                (s, t) => new { s.DocumentNumber, TubeId = t.Id, t.PoolSize });
        var positives = await members.Where(r => r.PoolSize == 1).Select(r => r.DocumentNumber).Distinct().CountAsync(ct)
            + await members.Where(r => r.PoolSize > 1).Select(r => r.TubeId).Distinct().CountAsync(ct);
        return people == 0
            ? PoolAdvice.For(PoolAdvice.DefaultPositivity, population, fromRecentResults: false)
            : PoolAdvice.For((double)positives / people, population, fromRecentResults: true);
    }
}
