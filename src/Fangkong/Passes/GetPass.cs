using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>One pass with its unit, token (when approved), quota use and history.</summary>
public static class GetPass
{
    public sealed record Step(string Action, string By, DateTimeOffset At, string? Note);

    public sealed record View(
        long Id, PassKind Kind, long OrganisationId, string Unit, IReadOnlyList<string> Regions, string Holder, string? Plate, string Purpose,
        DateTimeOffset ValidFrom, DateTimeOffset ValidTo, PassStatus Status, ApprovalLevel Level, string AppliedBy, DateTimeOffset AppliedAt,
        string? DecidedBy, DateTimeOffset? DecidedAt, string? Note, string? Token, IReadOnlyList<Step> History);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var pass = await db.Passes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pass is null)
        {
            return Error.NotFound(ErrorText.Of("error.passes.pass-not-found-jurisdiction", id));
        }

        var unit = await db.Organisations.BypassJurisdiction(BypassReason.ReferenceName).AsNoTracking().Where(o => o.Id == pass.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        var history = await db.PassEvents.AsNoTracking().Where(e => e.PassId == id).OrderBy(e => e.Id)
            .Select(e => new Step(e.Action, e.By, e.At, e.Note)).ToListAsync(ct);
        // A pass names its holder (and its plate): every read is a read of personal data, masked or not.
        await db.AuditReadAsync(nameof(Pass), pass.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), pass.RegionCode, ct);

        return new View(
            pass.Id, pass.Kind, pass.OrganisationId, unit ?? string.Empty, pass.RegionList, ListPasses.Holder(pass, db.Jurisdiction.SeesFullIdentity), pass.Plate,
            pass.Purpose, pass.ValidFrom, pass.ValidTo, pass.StatusAt(time.GetUtcNow()), pass.Level, pass.AppliedBy, pass.AppliedAt, pass.DecidedBy,
            pass.DecidedAt, pass.Note, pass.Status == PassStatus.Approved ? pass.Token : null, history);
    }
}
