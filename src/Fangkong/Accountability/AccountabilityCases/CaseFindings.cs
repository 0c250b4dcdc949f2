using Fangkong.Data;

namespace Fangkong.Accountability;

/// <summary>Checks the supervision findings a case links to: each must exist in the caller's jurisdiction.</summary>
internal static class CaseFindings
{
    /// <summary>The first id that is not a finding the caller sees, or null when all are.</summary>
    public static Task<long?> MissingAsync(FangkongDbContext db, IReadOnlyList<long> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Findings come with the supervision model; until it is merged no id can be checked, so none is accepted.
        return Task.FromResult<long?>(ids.Count == 0 ? null : ids[0]);
    }
}
