using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>Loads a request the caller may see (the query filter does the jurisdiction), or says it is not there.</summary>
internal static class RequestAccess
{
    public static async Task<Result<ResidentRequest>> FindAsync(FangkongDbContext db, long id, CancellationToken ct)
    {
        var request = await db.ResidentRequests().FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is null
            ? Error.NotFound(ErrorText.Of("error.livelihood.request-not-found", id))
            : request;
    }
}
