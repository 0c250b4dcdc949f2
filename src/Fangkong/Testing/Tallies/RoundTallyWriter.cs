using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing.Tallies;

/// <summary>
/// Moves a round's <see cref="RoundTally"/> figures with each scan batch, result upload and
/// exemption, inside the caller's transaction. Each change first flips one flag of the people it
/// concerns in <see cref="RoundPerson"/> with an upsert or update that only matches rows whose
/// flag is still unset, and counts only the rows it flipped: the row lock taken by that statement
/// makes a retried batch, or two batches at once with the same person, count the person once.
/// The counts then go to the tallies as increments (<c>n = n + k</c>), never as values read
/// before, so that two batches for one community never lose one another's increment.
/// </summary>
internal static class RoundTallyWriter
{
    /// <summary>A registered person touched in a round, with the region they count in when new there.</summary>
    public readonly record struct Touch(long RoundId, long PersonId, string RegionCode);

    /// <summary>A scan batch's accepted swabs, just written: see <see cref="SwabbedAsync(FangkongDbContext, IEnumerable{Touch}, CancellationToken)"/>; visitors (no person) are not counted.</summary>
    public static Task SwabbedAsync(FangkongDbContext db, long roundId, IEnumerable<SampleWriter.Row> accepted, CancellationToken ct) =>
        SwabbedAsync(db, accepted.Where(a => a.PersonId is not null && a.PersonRegion is not null).Select(a => new Touch(roundId, a.PersonId!.Value, a.PersonRegion!)), ct);

    /// <summary>Swabs just written: each person's first swab in the round counts them as sampled (and no longer as exempted).</summary>
    public static async Task SwabbedAsync(FangkongDbContext db, IEnumerable<Touch> swabbed, CancellationToken ct)
    {
        var flipped = await RoundTallySql.For(db).SetFlagAsync(Flag.Sampled, Flag.Exempted, Distinct(swabbed), ct);
        await ApplyAsync(db, flipped.Select(f => new Delta(f.RoundId, f.RegionCode, Sampled: 1, Exempted: f.Other ? -1 : 0)), ct);
    }

    /// <summary>Exemptions just added: a person not swabbed in the round leaves its "should test".</summary>
    public static async Task ExemptedAsync(FangkongDbContext db, IEnumerable<Touch> exempted, CancellationToken ct)
    {
        var flipped = await RoundTallySql.For(db).SetFlagAsync(Flag.Exempted, Flag.Sampled, Distinct(exempted), ct);
        await ApplyAsync(db, flipped.Where(f => !f.Other).Select(f => new Delta(f.RoundId, f.RegionCode, Exempted: 1)), ct);
    }

    /// <summary>The exemptions the context is about to insert, read before the save (after it they are no longer "added").</summary>
    public static List<Touch> AddedExemptions(FangkongDbContext db) =>
        db.ChangeTracker.Entries<RoundExemption>().Where(e => e.State == EntityState.Added)
            .Select(e => new Touch(e.Entity.RoundId, e.Entity.PersonId, e.Entity.RegionCode)).ToList();

    /// <summary>An exemption just removed: a person not swabbed in the round should test again.</summary>
    public static async Task ExemptionRemovedAsync(FangkongDbContext db, long roundId, long personId, CancellationToken ct)
    {
        var flipped = await RoundTallySql.For(db).ClearExemptedAsync(roundId, personId, ct);
        await ApplyAsync(db, flipped.Where(f => !f.Other).Select(f => new Delta(f.RoundId, f.RegionCode, Exempted: -1)), ct);
    }

    /// <summary>Tubes whose result was just set: their members count as resulted (negative or positive) and as positive.</summary>
    public static async Task ResultsSetAsync(FangkongDbContext db, IEnumerable<Tube> tubes, CancellationToken ct)
    {
        var sql = RoundTallySql.For(db);
        var deltas = new List<Delta>();
        foreach (var round in tubes.Where(t => t.Result is TestResult.Negative or TestResult.Positive).GroupBy(t => t.RoundId))
        {
            var resulted = round.Select(t => t.Id).Order().ToArray();
            var positive = round.Where(t => t.Result == TestResult.Positive).Select(t => t.Id).Order().ToArray();
            deltas.AddRange((await sql.SetMembersFlagAsync(Flag.Resulted, round.Key, resulted, ct)).Select(f => new Delta(f.RoundId, f.RegionCode, Resulted: 1)));
            if (positive.Length > 0)
            {
                deltas.AddRange((await sql.SetMembersFlagAsync(Flag.Positive, round.Key, positive, ct)).Select(f => new Delta(f.RoundId, f.RegionCode, Positive: 1)));
            }
        }

        await ApplyAsync(db, deltas, ct);
    }

    /// <summary>
    /// Runs a tracked save and its tally update in one transaction: the caller's when it has one,
    /// else a new one committed here (a save without one would commit before its tallies).
    /// </summary>
    public static async Task SaveWithAsync(FangkongDbContext db, Func<Task> tallies, CancellationToken ct)
    {
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        await tallies();
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
    }

    /// <summary>One person once per round (the first region given), in key order so that concurrent batches lock rows in the same order.</summary>
    private static List<Touch> Distinct(IEnumerable<Touch> touches) =>
        touches.DistinctBy(t => (t.RoundId, t.PersonId)).OrderBy(t => t.RoundId).ThenBy(t => t.PersonId).ToList();

    private static async Task ApplyAsync(FangkongDbContext db, IEnumerable<Delta> deltas, CancellationToken ct)
    {
        var summed = deltas
            .GroupBy(d => (d.RoundId, d.RegionCode))
            .Select(g => new Delta(g.Key.RoundId, g.Key.RegionCode, g.Sum(d => d.Sampled), g.Sum(d => d.Resulted), g.Sum(d => d.Positive), g.Sum(d => d.Exempted)))
            .Where(d => d.Sampled != 0 || d.Resulted != 0 || d.Positive != 0 || d.Exempted != 0)
            .OrderBy(d => d.RoundId).ThenBy(d => d.RegionCode, StringComparer.Ordinal)
            .ToList();
        if (summed.Count > 0)
        {
            await RoundTallySql.For(db).AddAsync(summed, ct);
        }
    }
}

/// <summary>A flag of <see cref="RoundPerson"/>; its column name is fixed here, never taken from input.</summary>
internal enum Flag
{
    Sampled,
    Exempted,
    Resulted,
    Positive,
}

/// <summary>A person whose flag was just set (or cleared), where they count, and the value of a second flag of theirs.</summary>
internal readonly record struct Flipped(long RoundId, string RegionCode, bool Other);

/// <summary>Increments of one tally row.</summary>
internal readonly record struct Delta(long RoundId, string RegionCode, long Sampled = 0, long Resulted = 0, long Positive = 0, long Exempted = 0);
