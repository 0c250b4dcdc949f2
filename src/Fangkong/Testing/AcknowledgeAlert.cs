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
            return Error.NotFound(string.Create(CultureInfo.InvariantCulture, $"提醒 {id} 不存在或不在您的辖区内 (alert {id} does not exist or is outside your jurisdiction)."));
        }

        var changed = alert.Acknowledge(db.Jurisdiction.UserName, time.GetUtcNow());
        if (changed)
        {
            await db.SaveChangesAsync(ct);
        }

        return changed;
    }
}
