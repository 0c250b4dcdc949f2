using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>A community acknowledges an alert: who and when are kept; acknowledging again changes nothing.</summary>
public static class AcknowledgeAlert
{
    public static async Task<Result<bool>> HandleAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var alert = await db.CommunityAlerts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.alert-does-not-exist-outside", id));
        }

        var changed = alert.Acknowledge(db.Jurisdiction.UserName, time.GetUtcNow());
        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }

        return changed;
    }
}
