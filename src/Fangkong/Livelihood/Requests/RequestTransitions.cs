using Fangkong.Common;
using Fangkong.Data;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// The staff's steps on a request: place (from the district's queue), assign, start, resolve, return.
/// Each loads the request through the caller's jurisdiction, lets the entity refuse what is out of
/// order, and saves (audited; a concurrent change of the same request is a 409, ADR 0018).
/// </summary>
public static class RequestTransitions
{
    public static Task<Result<RequestView.Summary>> PlaceAsync(FangkongDbContext db, TimeProvider time, long id, string? regionCode, long? compoundId, CancellationToken ct = default) =>
        StepAsync(db, time, id, r => Regions.RegionCode.Normalise(regionCode) is { } code
            ? r.PlaceIn(code, compoundId)
            : Error.Invalid("regionCode", ErrorText.Of("error.livelihood.request-community-code", regionCode ?? string.Empty)), ct);

    public static Task<Result<RequestView.Summary>> AssignAsync(FangkongDbContext db, TimeProvider time, long id, string? assignee, CancellationToken ct = default) =>
        StepAsync(db, time, id, r => r.Assign(assignee, time.GetUtcNow()), ct);

    public static Task<Result<RequestView.Summary>> StartAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default) =>
        StepAsync(db, time, id, r => r.Start(time.GetUtcNow()), ct);

    public static Task<Result<RequestView.Summary>> ResolveAsync(FangkongDbContext db, TimeProvider time, long id, string? resolution, CancellationToken ct = default) =>
        StepAsync(db, time, id, r => r.Resolve(resolution, time.GetUtcNow()), ct);

    public static Task<Result<RequestView.Summary>> ReturnAsync(FangkongDbContext db, TimeProvider time, long id, string? reason, CancellationToken ct = default) =>
        StepAsync(db, time, id, r => r.Return(reason, time.GetUtcNow()), ct);

    private static async Task<Result<RequestView.Summary>> StepAsync(
        FangkongDbContext db, TimeProvider time, long id, Func<ResidentRequest, Error?> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var found = await RequestAccess.FindAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var request = found.Value!;
        if (step(request) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return RequestView.SummaryOf(request, db.Jurisdiction, time.GetUtcNow());
    }
}
