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
            ? Error.NotFound($"问题 {id} 不存在或不在您的辖区内 (Finding {id} was not found in your jurisdiction).")
            : finding;
    }

    /// <summary>Saves a state change with its history line, in one transaction (the DbContext's, with the audit).</summary>
    public static async Task SaveAsync(FangkongDbContext db, Finding finding, FindingAction action, DateTimeOffset at, string? note, CancellationToken ct)
    {
        db.FindingEvents.Add(new FindingEvent(finding, action, db.Jurisdiction.UserName, at, note));
        await db.SaveChangesAsync(ct);
    }
}
