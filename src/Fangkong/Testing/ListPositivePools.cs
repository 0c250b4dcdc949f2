using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// The board of positive pools of a round (混管阳性): each tube sampled in the caller's region or
/// holding one of its residents, when its result came and when all its members were under control, and each member's control
/// and re-test status. Members registered outside the caller's region are shown without name.
/// </summary>
public static class ListPositivePools
{
    public sealed record Member(long? PersonId, string Name, string DocumentNumber, string? RegionCode, string Control, string Retest);

    public sealed record Pool(long TubeId, string Barcode, int PoolSize, string SamplingPoint, DateTimeOffset? ResultReceivedAt, DateTimeOffset? TracedAt, double? SecondsToControl, IReadOnlyList<Member> Members);

    public static async Task<Result<Page<Pool>>> HandleAsync(FangkongDbContext db, long roundId, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var tubes = Concerning(db, roundId);
        var (number, size) = Page<Pool>.Clamp(page, pageSize);
        var total = await tubes.CountAsync(ct);
        var pageTubes = await tubes.OrderBy(t => t.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = pageTubes.Select(t => t.Id).ToList();

        // The tube is the caller's; its members may live anywhere, so samples and orders are read unfiltered.
        var samples = (await db.Samples.BypassJurisdiction(BypassReason.PositivePoolMembers).AsNoTracking().Where(s => ids.Contains(s.TubeId)).ToListAsync(ct)).ToLookup(s => s.TubeId);
        var personIds = samples.SelectMany(g => g).Where(s => s.PersonId != null).Select(s => s.PersonId!.Value).Distinct().ToList();
        var orders = (await db.ControlOrders.BypassJurisdiction(BypassReason.PositivePoolMembers).AsNoTracking().Where(o => o.TubeId != null && ids.Contains(o.TubeId.Value)).ToListAsync(ct))
            .ToDictionary(o => (o.TubeId!.Value, o.PersonId));
        var tasks = (await db.ResampleTasks.BypassJurisdiction(BypassReason.PositivePoolMembers).AsNoTracking().Where(t => ids.Contains(t.SourceTubeId)).ToListAsync(ct))
            .ToDictionary(t => (t.SourceTubeId, t.PersonId));
        var visible = await db.Persons.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

        var pools = pageTubes.Select(t => new Pool(
            t.Id, t.Barcode, t.PoolSize, t.SamplingPoint, t.ResultReceivedAt, t.TracedAt,
            t.TracedAt is { } traced && t.ResultReceivedAt is { } received ? (traced - received).TotalSeconds : null,
            samples[t.Id].Select(s => MemberOf(s, t.Id, visible, orders, tasks, db.Jurisdiction)).ToList())).ToList();
        if (visible.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Person), $"positive-pools round={roundId} page={number}", visible.Keys.ToList(), null, ct);
        }

        return new Page<Pool>(pools, number, size, total);
    }

    /// <summary>
    /// The round's positive pools that concern the caller: sampled in the caller's region or holding
    /// one of its residents (the list and the situation view count the same pools).
    /// </summary>
    public static IQueryable<Tube> Concerning(FangkongDbContext db, long roundId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = db.Jurisdiction.RegionPrefix;
        var members = db.Samples.BypassJurisdiction(BypassReason.PositivePoolMembers);
        return db.Tubes.BypassJurisdiction(BypassReason.PositivePoolMembers).AsNoTracking()
            .Where(t => t.RoundId == roundId && t.Result == TestResult.Positive && t.PoolSize > 1)
            .Where(t => t.RegionCode.StartsWith(prefix)
                // The round's own swabs only (a tube's swabs are all of its round): PostgreSQL then plans
                // one partition of samples, not every round's (ADR 0042).
                || members.Any(s => s.RoundId == roundId && s.TubeId == t.Id && s.PersonRegionCode != null && s.PersonRegionCode.StartsWith(prefix)));
    }

    private static Member MemberOf(
        Sample s, long tubeId, Dictionary<long, Person> visible, Dictionary<(long, long), ControlOrder> orders, Dictionary<(long, long), ResampleTask> tasks, Jurisdiction jurisdiction)
    {
        var person = s.PersonId is { } id && visible.TryGetValue(id, out var p) ? p : null;
        var control = s.PersonId is { } pid && orders.TryGetValue((tubeId, pid), out var order)
            ? (order.Outcome?.ToString() ?? "Active")
            : "None";
        var retest = s.PersonId is { } tid && tasks.TryGetValue((tubeId, tid), out var task) ? task.Status.ToString() : "None";
        var document = jurisdiction.SeesFullIdentity && person is not null ? s.DocumentNumber : Masking.IdNumber(s.DocumentNumber);
        // Lab staff and inspectors follow tubes and their control status, not who was in them.
        var name = !jurisdiction.SeesResidentDetails ? string.Empty : person?.Name ?? ErrorText.Of("error.testing.outside-region");
        return new Member(s.PersonId, name, document, s.PersonRegionCode, control, retest);
    }
}
