using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Accountability;

/// <summary>
/// The steps after drafting: approve (another user than the drafter) and publish (an approved notice).
/// Both go through the jurisdiction filter: a notice the caller does not see is not found.
/// </summary>
public static class NoticeSteps
{
    public sealed record Stepped(long Id, NoticeStatus Status);

    public static Task<Result<Stepped>> ApproveAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default) =>
        StepAsync(db, time, id, (n, by, at) => n.Approve(by, at), ct);

    public static Task<Result<Stepped>> PublishAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default) =>
        StepAsync(db, time, id, (n, by, at) => n.Publish(by, at), ct);

    private static async Task<Result<Stepped>> StepAsync(
        FangkongDbContext db, TimeProvider time, long id, Func<PublicNotice, string, DateTimeOffset, Error?> step, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var notice = await db.PublicNotices.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return GetNotice.NotFound(id);
        }

        if (step(notice, db.Jurisdiction.UserName, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return new Stepped(notice.Id, notice.Status);
    }
}
