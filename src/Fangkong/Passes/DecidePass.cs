using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>
/// Approves, rejects or revokes a pass. Approval checks the level (a pass valid in more than one
/// county needs a city-level approver), the approver's jurisdiction over every region of the pass,
/// and the unit's quota for the kind; then signs the token.
/// </summary>
public static class DecidePass
{
    public sealed record Decided(long Id, PassStatus Status, string? Token);

    public static async Task<Result<Decided>> ApproveAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var pass = await db.Passes.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pass is null)
        {
            return Error.NotFound(ErrorText.Of("error.passes.pass-not-found-jurisdiction", id));
        }

        var jurisdiction = db.Jurisdiction;
        var level = pass.Level;
        // A county-level approver holds a 6-digit region; a city-level one 4 digits or fewer (a province or the system too).
        var approverLevel = jurisdiction.RegionPrefix.Length <= 4 ? ApprovalLevel.City : ApprovalLevel.County;
        if (level == ApprovalLevel.City && approverLevel != ApprovalLevel.City)
        {
            return Error.Forbidden(ErrorText.Of("error.passes.pass-valid-more-one-county", string.Join("、", pass.RegionList)));
        }

        if (jurisdiction.RegionPrefix.Length > 6)
        {
            return Error.Forbidden(ErrorText.Of("error.passes.passes-approved-county-city-level"));
        }

        if (pass.RegionList.FirstOrDefault(r => !jurisdiction.Covers(r)) is { } outside)
        {
            return Error.Forbidden(ErrorText.Of("error.passes.region-pass-outside-jurisdiction", outside));
        }

        var now = time.GetUtcNow();
        var quota = await db.PassQuotas.AsNoTracking().FirstOrDefaultAsync(q => q.OrganisationId == pass.OrganisationId && q.Kind == pass.Kind, ct);
        if (quota is null)
        {
            return Error.Conflict(ErrorText.Of("error.passes.unit-no-quota-passes", PassKinds.Zh(pass.Kind), pass.Kind));
        }

        // Opened before the quota lock: Data Protection may write its key ring (on another
        // connection), which SQLite would make wait behind this transaction's write lock.
        var (keyId, opened) = await PassKeys.SignerAsync(db, time, ct);
        using var signer = opened;

        // Two approvers of the same unit and kind must not both count the last free place: a no-op
        // update of the quota row locks it (PostgreSQL) or takes the write lock (SQLite) until commit.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlAsync($"UPDATE pass_quotas SET \"limit\" = \"limit\" WHERE id = {quota.Id}", ct);
        // Another approver may have decided this pass while we waited for the lock.
        await db.Entry(pass).ReloadAsync(ct);
        var active = await ActiveCountAsync(db, pass.OrganisationId, pass.Kind, now, ct);
        if (active + 1 > quota.Limit)
        {
            return Error.Conflict(ErrorText.Of("error.passes.over-quota-unit-holds-active", active, PassKinds.Zh(pass.Kind), quota.Limit, pass.Kind));
        }

        var token = new PassToken(keyId, pass.Id, pass.Kind, pass.ValidFrom, pass.ValidTo, pass.RegionList, pass.Plate ?? string.Empty, pass.MaskedHolder()).Sign(signer);

        if (pass.Approve(jurisdiction.UserName, now, token) is { } refused)
        {
            return refused;
        }

        db.PassEvents.Add(new PassEvent(pass, "approved", jurisdiction.UserName, now));
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return new Decided(pass.Id, pass.Status, pass.Token);
    }

    public static Task<Result<Decided>> RejectAsync(FangkongDbContext db, TimeProvider time, long id, string? note, CancellationToken ct = default) =>
        ChangeAsync(db, time, id, note, "rejected", (pass, by, at, text) => pass.Reject(by, at, text), ct);

    public static Task<Result<Decided>> RevokeAsync(FangkongDbContext db, TimeProvider time, long id, string? note, CancellationToken ct = default) =>
        ChangeAsync(db, time, id, note, "revoked", (pass, _, at, text) => pass.Revoke(at, text), ct);

    /// <summary>Approved passes of a unit and kind that have not ended at <paramref name="now"/>.</summary>
    public static Task<int> ActiveCountAsync(FangkongDbContext db, long organisationId, PassKind kind, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Passes.BypassJurisdiction(BypassReason.OrganisationPassQuota).CountAsync(p => p.OrganisationId == organisationId && p.Kind == kind && p.Status == PassStatus.Approved && p.ValidTo >= now, ct);
    }

    private static async Task<Result<Decided>> ChangeAsync(
        FangkongDbContext db, TimeProvider time, long id, string? note, string action, Func<Pass, string, DateTimeOffset, string, Error?> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var text = note?.Trim() ?? string.Empty;
        if (text.Length is 0 or > Pass.NoteMaxLength)
        {
            return Error.Invalid("note", ErrorText.Of("error.passes.reason-characters-needed", Pass.NoteMaxLength));
        }

        var pass = await db.Passes.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pass is null)
        {
            return Error.NotFound(ErrorText.Of("error.passes.pass-not-found-jurisdiction", id));
        }

        if (pass.RegionList.FirstOrDefault(r => !db.Jurisdiction.Covers(r)) is { } outside)
        {
            return Error.Forbidden(ErrorText.Of("error.passes.region-pass-outside-jurisdiction", outside));
        }

        var now = time.GetUtcNow();
        if (change(pass, db.Jurisdiction.UserName, now, text) is { } refused)
        {
            return refused;
        }

        db.PassEvents.Add(new PassEvent(pass, action, db.Jurisdiction.UserName, now, text));
        await db.SaveChangesAsync(ct);
        return new Decided(pass.Id, pass.Status, pass.Token);
    }
}
