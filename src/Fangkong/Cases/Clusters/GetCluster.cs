using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Clusters;

/// <summary>
/// One cluster with its cases (identity numbers masked for the role), its place and its history.
/// Outside the jurisdiction it is "not found"; a merged cluster answers with the cluster it merged
/// into. The read is audited, with the cases shown.
/// </summary>
public static class GetCluster
{
    public sealed record Step(ClusterEventKind Kind, DateOnly On, long? OtherClusterId, int CaseCount);

    public sealed record Member(CaseView Case, DateOnly JoinedOn);

    public sealed record Detail(
        long Id, ClusterStatus Status, long? MergedIntoId, string RegionCode, long? PlaceId, string? PlaceName, PlaceKind? PlaceKind, string? PlaceAddress,
        string? HouseholdNo, bool IsNosocomial, bool NeedsSupervision, int CaseCount, DateOnly FirstCaseOn, DateOnly LastCaseOn, DateOnly FormedOn,
        DateOnly UpdatedOn, IReadOnlyList<Member> Cases, IReadOnlyList<Step> History);

    public static async Task<Result<Detail>> HandleAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cluster = await db.Clusters.AsNoTracking().Include(c => c.Cases).Include(c => c.History).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cluster is null)
        {
            return NotFound(id);
        }

        var joined = cluster.Cases.ToDictionary(m => m.CaseId, m => m.JoinedOn);
        var ids = joined.Keys.ToList();
        var cases = new List<Case>();
        for (var i = 0; i < ids.Count; i += 500)
        {
            var batch = ids.GetRange(i, Math.Min(500, ids.Count - i));
            cases.AddRange(await db.Cases.AsNoTracking().Where(c => batch.Contains(c.Id)).ToListAsync(ct));
        }

        var place = cluster.PlaceId is { } placeId ? await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placeId, ct) : null;
        await db.AuditReadAsync(nameof(Cluster), id.ToString(CultureInfo.InvariantCulture), cluster.RegionCode, ct);
        if (cases.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Case), $"cluster={id}", cases.Select(c => c.Id).ToList(), cluster.RegionCode, ct);
        }

        var members = cases.OrderBy(c => c.ReportedOn).ThenBy(c => c.CaseNo, StringComparer.Ordinal)
            .Select(c => new Member(CaseView.From(c, db.Jurisdiction), joined[c.Id])).ToList();
        var history = cluster.History.OrderBy(e => e.On).ThenBy(e => e.Id).Select(e => new Step(e.Kind, e.On, e.OtherClusterId, e.CaseCount)).ToList();
        return new Detail(
            cluster.Id, cluster.Status, cluster.MergedIntoId, cluster.RegionCode, cluster.PlaceId, cluster.PlaceName, cluster.PlaceKind, place?.Address,
            cluster.HouseholdNo, cluster.IsNosocomial, cluster.NeedsSupervision, cluster.CaseCount, cluster.FirstCaseOn, cluster.LastCaseOn, cluster.FormedOn,
            cluster.UpdatedOn, members, history);
    }

    internal static Error NotFound(long id) =>
        Error.NotFound(ErrorText.Of("error.cases.cluster-does-not-exist-outside", id));
}
