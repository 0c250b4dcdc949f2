using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>One request with its description and history times; the read is audited (it shows a resident's data).</summary>
public static class GetRequest
{
    public static async Task<Result<RequestView.Detail>> HandleAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var request = await db.ResidentRequests().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return Error.NotFound(ErrorText.Of("error.livelihood.request-not-found", id));
        }

        await db.AuditReadAsync(nameof(ResidentRequest), id.ToString(CultureInfo.InvariantCulture), request.RegionCode, ct);
        return RequestView.DetailOf(request, db.Jurisdiction, time.GetUtcNow());
    }
}
