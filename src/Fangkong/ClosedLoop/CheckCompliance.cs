using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.ClosedLoop;

/// <summary>
/// Who of a closed loop was swabbed in each slot of the day's schedule, from the testing
/// module's samples (any round, any sampling point). A list of people: masked for roles that
/// need no full identity, and audited.
/// </summary>
public static class CheckCompliance
{
    /// <param name="Open">Not swabbed yet but the slot has not ended: not (yet) missed.</param>
    public sealed record Slot(string Label, bool Tested, DateTimeOffset? SampledAt, bool Open = false);

    public sealed record MemberLine(
        long MemberId, long PersonId, string Name, string IdNumber, ClosedLoopRole Role, string Quarters, TestSchedule Schedule,
        IReadOnlyList<Slot> Slots)
    {
        public int Missed => Slots.Count(s => !s.Tested && !s.Open);
    }

    public sealed record Report(long GroupId, string Name, string RegionCode, DateOnly Day, IReadOnlyList<MemberLine> Members)
    {
        public int Due => Members.Sum(m => m.Slots.Count);

        public int Missed => Members.Sum(m => m.Missed);
    }

    /// <param name="asOf">The time of the check: a slot that has not ended by then is open, not missed; null counts every slot as ended.</param>
    public static async Task<Result<Report>> HandleAsync(
        FangkongDbContext db, long groupId, DateOnly day, bool audit = true, DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var group = await db.ClosedLoopGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return Error.NotFound(ErrorText.Of("error.closed-loop.closed-loop-does-not-exist", groupId));
        }

        var members = await (
                from m in db.ClosedLoopMembers.AsNoTracking()
                where m.GroupId == groupId && m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn > day)
                join p in db.Persons.AsNoTracking() on m.PersonId equals p.Id
                orderby m.Quarters, m.Role, p.Name
                select new { Member = m, p.Name, p.DocumentNumber })
            .ToListAsync(ct);

        var from = ChinaTime.StartOf(day);
        var to = from.AddDays(1);
        var ids = members.Select(m => m.Member.PersonId).ToList();

        // Members are swabbed wherever the loop's sampling point is, possibly outside this
        // jurisdiction: the sample filter is lifted, but only for the ids of members the caller
        // may see (read above through the filter), and no filtered set is joined here.
        var swabs = ids.Count == 0
            ? []
            : await db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
                .Where(s => s.PersonId != null && EF.Parameter(ids).Contains(s.PersonId.Value) && s.SampledAt >= from && s.SampledAt < to)
                .Select(s => new { PersonId = s.PersonId!.Value, s.SampledAt })
                .ToListAsync(ct);
        var byPerson = swabs.ToLookup(s => s.PersonId, s => s.SampledAt);

        var full = db.Jurisdiction.SeesFullIdentity;
        var lines = members.Select(m =>
        {
            var taken = byPerson[m.Member.PersonId].OrderBy(t => t).ToList();
            var slots = TestSlots.For(m.Member.Schedule, day, m.Member.JoinedOn)
                .Select(s =>
                {
                    var at = taken.FirstOrDefault(t => t >= s.From && t < s.To);
                    return new Slot(s.Label, at != default, at == default ? null : at, at == default && asOf is { } now && s.To > now);
                })
                .ToList();
            return new MemberLine(
                m.Member.Id, m.Member.PersonId, Masking.NameFor(m.Name, db.Jurisdiction), full ? m.DocumentNumber : Masking.IdNumber(m.DocumentNumber), m.Member.Role, m.Member.Quarters,
                m.Member.Schedule, slots);
        }).ToList();

        if (audit)
        {
            await db.AuditSearchAsync(nameof(ClosedLoopMember), $"compliance group={groupId} day={day:yyyy-MM-dd}", ids, group.RegionCode, ct);
        }

        return new Report(group.Id, group.Name, group.RegionCode, day, lines);
    }
}
