using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>Loads a finding the caller may see (the query filter does the jurisdiction), or says it is not there.</summary>
internal static class FindingAccess
{
    public static async Task<Result<Finding>> FindAsync(FangkongDbContext db, long id, CancellationToken ct)
    {
        var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == id, ct);
        return finding is null
            ? Error.NotFound(ErrorText.Of("error.accountability.finding-not-found-jurisdiction", id))
            : finding;
    }

    /// <summary>Saves a state change with its history line, in one transaction (the DbContext's, with the audit).</summary>
    public static async Task SaveAsync(FangkongDbContext db, Finding finding, FindingAction action, DateTimeOffset at, string? note, CancellationToken ct)
    {
        db.FindingEvents.Add(new FindingEvent(finding, action, db.Jurisdiction.UserName, at, note));
        await db.SaveChangesAsync(ct);
    }
}
