using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>Sets how many active passes of a kind a unit may hold (核定配额).</summary>
public static class SetQuota
{
    public const int MaxLimit = 10_000;

    public sealed record Command(long? OrganisationId, string? Kind, int? Limit);

    public sealed record Quota(long OrganisationId, PassKind Kind, int Limit, int Active);

    public static async Task<Result<Quota>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (!PassKinds.TryParse(command.Kind, out var kind))
        {
            return Error.Invalid("kind", ErrorText.Of("error.passes.unknown-pass-kind", command.Kind));
        }

        if (command.Limit is not { } limit || limit < 0 || limit > MaxLimit)
        {
            return Error.Invalid("limit", ErrorText.Of("error.passes.quota", MaxLimit));
        }

        var unit = command.OrganisationId is { } orgId ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        if (unit is null)
        {
            return Error.Invalid("organisationId", ErrorText.Of("error.passes.unit-not-registered-jurisdiction"));
        }

        var quota = await db.PassQuotas.FirstOrDefaultAsync(q => q.OrganisationId == unit.Id && q.Kind == kind, ct);
        if (quota is null)
        {
            db.PassQuotas.Add(new PassQuota(unit.Id, unit.RegionCode, kind, limit));
        }
        else
        {
            quota.Change(limit);
        }

        await db.SaveChangesAsync(ct);
        return new Quota(unit.Id, kind, limit, await DecidePass.ActiveCountAsync(db, unit.Id, kind, time.GetUtcNow(), ct));
    }
}
