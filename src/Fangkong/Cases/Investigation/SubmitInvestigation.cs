using Fangkong.Common;
using Fangkong.Data;

namespace Fangkong.Cases.Investigation;

/// <summary>Hands in the investigation report (open → submitted), or closes a submitted one (submitted → closed).</summary>
public static class SubmitInvestigation
{
    public static async Task<Result<InvestigationView>> HandleAsync(FangkongDbContext db, long caseId, DateTimeOffset now, CancellationToken ct = default) =>
        await ChangeAsync(db, caseId, now, i => i.Submit(now), ct);

    public static async Task<Result<InvestigationView>> CloseAsync(FangkongDbContext db, long caseId, DateTimeOffset now, CancellationToken ct = default) =>
        await ChangeAsync(db, caseId, now, i => i.Close(now), ct);

    private static async Task<Result<InvestigationView>> ChangeAsync(
        FangkongDbContext db, long caseId, DateTimeOffset now, Func<CaseInvestigation, Result<bool>> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var loaded = await GetInvestigation.LoadAsync(db, caseId, tracked: true, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (investigation, c) = loaded.Value;
        var changed = change(investigation);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        await db.SaveChangesAsync(ct);
        return await GetInvestigation.ViewAsync(db, investigation, c, now, ct);
    }
}
