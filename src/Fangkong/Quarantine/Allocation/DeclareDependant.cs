using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// Declares that a child or a person needing care shares a room with a carer. Both are contacts of
/// the same kind (by contact id) or both pool members sent to central quarantine (by person id),
/// in the caller's jurisdiction. Declaring the same pair again changes nothing.
/// </summary>
public static class DeclareDependant
{
    public sealed record Command(string? Kind, long DependantId, long CarerId, string? Reason);

    public sealed record Declared(long Id, bool AlreadyDeclared);

    public static async Task<Result<Declared>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (!Enum.TryParse<OccupantKind>(command.Kind, ignoreCase: true, out var kind) || !kind.TakesRoom() || !Enum.IsDefined(kind))
        {
            return Error.Invalid("kind", ErrorText.Of("error.quarantine.kind-closecontact-secondarycontact-positivepoolmember"));
        }

        if (!Enum.TryParse<DependantReason>(command.Reason, ignoreCase: true, out var reason) || !Enum.IsDefined(reason))
        {
            return Error.Invalid("reason", ErrorText.Of("error.quarantine.reason-child-needscare"));
        }

        string? carerRegion;
        bool dependantFound;
        if (kind == OccupantKind.PositivePoolMember)
        {
            var ids = new[] { command.DependantId, command.CarerId };
            var found = await db.CentralQuarantineDecisions.AsNoTracking().Where(d => ids.Contains(d.PersonId) && d.WithdrawnAt == null)
                .Select(d => new { d.PersonId, d.RegionCode }).ToListAsync(ct);
            carerRegion = found.FirstOrDefault(f => f.PersonId == command.CarerId)?.RegionCode;
            dependantFound = found.Any(f => f.PersonId == command.DependantId);
        }
        else
        {
            var contactKind = kind == OccupantKind.CloseContact ? ContactKind.Close : ContactKind.Secondary;
            var ids = new[] { command.DependantId, command.CarerId };
            var found = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Kind == contactKind)
                .Select(c => new { c.Id, c.RegionCode }).ToListAsync(ct);
            carerRegion = found.FirstOrDefault(f => f.Id == command.CarerId)?.RegionCode;
            dependantFound = found.Any(f => f.Id == command.DependantId);
        }

        if (carerRegion is null || !dependantFound)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.no-dependant-carer-kind-jurisdiction", kind, command.DependantId, command.CarerId));
        }

        var existing = await db.DependantDeclarations.AsNoTracking().SingleOrDefaultAsync(d => d.Kind == kind && d.DependantKey == command.DependantId, ct);
        if (existing is not null)
        {
            return existing.CarerKey == command.CarerId
                ? new Declared(existing.Id, true)
                : Error.Conflict(ErrorText.Of("error.quarantine.dependant-already-carer", existing.CarerKey));
        }

        if (await db.DependantDeclarations.AnyAsync(d => d.Kind == kind && d.DependantKey == command.CarerId, ct))
        {
            return Error.Invalid("carerId", ErrorText.Of("error.quarantine.carer-itself-declared-dependant"));
        }

        var created = DependantDeclaration.Create(kind, command.DependantId, command.CarerId, carerRegion, reason, db.Jurisdiction.UserName, time.GetUtcNow());
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        db.DependantDeclarations.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return new Declared(created.Value!.Id, false);
    }
}
