using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.ClosedLoop;

/// <summary>
/// Puts a registered person into a closed loop with a role, quarters and a test schedule; sent
/// again for the same person, it changes role, quarters and schedule (idempotent for retries).
/// </summary>
public static class AddMember
{
    public sealed record Command(string? IdNumber, string? Role, string? Quarters, string? Schedule, DateOnly? JoinedOn);

    public sealed record Added(long MemberId, long PersonId, bool Created);

    public static async Task<Result<Added>> HandleAsync(FangkongDbContext db, TimeProvider time, long groupId, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var group = await db.ClosedLoopGroups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return Error.NotFound(ErrorText.Of("error.closed-loop.closed-loop-does-not-exist", groupId));
        }

        if (!Enum.TryParse<ClosedLoopRole>(command.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            return Error.Invalid("role", ErrorText.Of("error.closed-loop.unknown-role-one", command.Role, ErrorText.Plain(string.Join(", ", Enum.GetNames<ClosedLoopRole>()))));
        }

        if (!Enum.TryParse<TestSchedule>(command.Schedule, ignoreCase: true, out var schedule) || !Enum.IsDefined(schedule))
        {
            return Error.Invalid("schedule", ErrorText.Of("error.closed-loop.unknown-schedule-one", command.Schedule, ErrorText.Plain(string.Join(", ", Enum.GetNames<TestSchedule>()))));
        }

        var quarters = command.Quarters?.Trim() ?? string.Empty;
        if (quarters.Length is 0 or > ClosedLoopMember.QuartersMaxLength)
        {
            return Error.Invalid("quarters", ErrorText.Of("error.closed-loop.quarters-characters-needed", ClosedLoopMember.QuartersMaxLength));
        }

        if (!IdNumber.TryParse(command.IdNumber?.Trim(), out var number, out var why))
        {
            return Error.Invalid("idNumber", ErrorText.Of("error.closed-loop.identity-number-not-valid", why));
        }

        var person = await db.Persons.AsNoTracking().Where(p => p.DocumentNumber == number.Value).Select(p => new { p.Id }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return Error.Invalid("idNumber", ErrorText.Of("error.closed-loop.person-not-register-jurisdiction"));
        }

        var member = await db.ClosedLoopMembers.FirstOrDefaultAsync(m => m.GroupId == groupId && m.PersonId == person.Id, ct);
        var created = member is null;
        if (member is null)
        {
            member = new ClosedLoopMember(group, person.Id, role, quarters, schedule, command.JoinedOn ?? ChinaTime.Today(time));
            db.ClosedLoopMembers.Add(member);
        }
        else
        {
            member.Change(role, quarters, schedule);
        }

        await db.SaveChangesAsync(ct);
        return new Added(member.Id, person.Id, created);
    }
}
