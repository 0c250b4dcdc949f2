using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Accountability;

/// <summary>Checks the supervision findings a case links to: each must exist in the caller's jurisdiction.</summary>
internal static class CaseFindings
{
    /// <summary>The first id that is not a finding the caller sees, or null when all are.</summary>
    public static async Task<long?> MissingAsync(FangkongDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (ids.Count == 0)
        {
            return null;
        }

        // The findings set is filtered by jurisdiction: a finding of another county reads as missing.
        var seen = await db.Findings.AsNoTracking().Where(f => EF.Parameter(ids).Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
        return ids.Cast<long?>().FirstOrDefault(id => !seen.Contains(id!.Value));
    }
}
