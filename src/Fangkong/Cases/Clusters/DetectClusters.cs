using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Clusters;

/// <summary>
/// Recomputes the clusters as of a date, idempotently: derives household links from the register,
/// then joins the cases of any two links to the same place or household at most the window apart
/// (transitively), and keeps the groups of at least the minimum size. A group that contains cases
/// of an existing cluster grows that cluster (its id stays); a group that contains cases of two
/// or more clusters merges them into the oldest. Clusters never shrink: a cluster's cases stay
/// joined. Running it again with nothing new changes nothing. The links of an asymptomatic record
/// converted to confirmed count as the confirmed record's: the person is one case, not two.
/// </summary>
public static class DetectClusters
{
    private const int Batch = 500;

    public sealed record Command(DateOnly AsOf, ClusterSettings Settings);

    public sealed record Detected(DateOnly AsOf, int HouseholdLinksAdded, int Formed, int Grew, int Merged, int Unchanged, int CasesAdded);

    public static async Task<Result<Detected>> HandleAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Settings.Check() is { } invalid)
        {
            return invalid;
        }

        var asOf = command.AsOf;
        var window = command.Settings.WindowDays;
        var householdLinks = await DeriveHouseholdLinks.HandleAsync(db, asOf, ct);

        // An asymptomatic record that a confirmed record converts is the same infection: its links count as the confirmed record's.
        var conversions = await (
            from confirmed in db.Cases.AsNoTracking()
            join asymptomatic in db.Cases.AsNoTracking() on confirmed.ConvertedFromCaseNo equals asymptomatic.CaseNo
            where confirmed.ReportedOn <= asOf
            select new { From = asymptomatic.Id, To = confirmed.Id }).ToDictionaryAsync(c => c.From, c => c.To, ct);
        var links = (await db.CaseLinks.AsNoTracking().Where(l => l.On <= asOf)
            .Select(l => new LinkRow(l.CaseId, l.TargetKey, l.Target, l.PlaceId, l.HouseholdNo, l.RegionCode, l.On))
            .ToListAsync(ct))
            .Select(l => conversions.TryGetValue(l.CaseId, out var to) ? l with { CaseId = to } : l)
            .ToList();
        var clusters = await db.Clusters.Include(c => c.Cases).Where(c => c.Status == ClusterStatus.Active).OrderBy(c => c.Id).ToListAsync(ct);

        var sets = new DisjointSets();
        var joins = new List<(string TargetKey, long A, long B)>();
        foreach (var target in links.GroupBy(l => l.TargetKey, StringComparer.Ordinal))
        {
            LinkRow? previous = null;
            foreach (var link in target.OrderBy(l => l.On).ThenBy(l => l.CaseId))
            {
                sets.Add(link.CaseId);
                if (previous is not null && link.On.DayNumber - previous.On.DayNumber <= window && link.CaseId != previous.CaseId)
                {
                    sets.Union(previous.CaseId, link.CaseId);
                    joins.Add((target.Key, previous.CaseId, link.CaseId));
                }

                // A case's own repeated links at a place do not join anyone but keep the window open.
                previous = link;
            }
        }

        // Existing clusters never split: their cases stay joined whatever the links say now.
        var clusterOf = new Dictionary<long, Cluster>();
        foreach (var cluster in clusters)
        {
            var first = cluster.Cases.First().CaseId;
            foreach (var member in cluster.Cases)
            {
                sets.Add(member.CaseId);
                sets.Union(first, member.CaseId);
                clusterOf[member.CaseId] = cluster;
            }
        }

        var groups = sets.Groups().Where(g => g.Count >= command.Settings.MinCases || g.Any(clusterOf.ContainsKey)).ToList();
        var targetsByGroup = joins.GroupBy(j => sets.Find(j.A))
            .ToDictionary(g => g.Key, g => g.GroupBy(j => j.TargetKey, StringComparer.Ordinal)
                .ToDictionary(t => t.Key, t => t.SelectMany(j => new[] { j.A, j.B }).ToHashSet().Count, StringComparer.Ordinal));
        var linkByKey = links.GroupBy(l => l.TargetKey, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var placeIds = linkByKey.Values.Where(l => l.PlaceId is not null).Select(l => l.PlaceId!.Value).Distinct().ToList();
        var places = await LoadInBatchesAsync(placeIds, ids => db.Places.AsNoTracking().Where(p => ids.Contains(p.Id)), ct);
        var placeById = places.ToDictionary(p => p.Id);
        var caseIds = groups.SelectMany(g => g).Distinct().ToList();
        var reported = (await LoadInBatchesAsync(caseIds, ids => db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)), ct))
            .ToDictionary(c => c.Id, c => c.ReportedOn);

        int formed = 0, grew = 0, merged = 0, unchanged = 0, added = 0;
        foreach (var group in groups)
        {
            var members = group.Where(reported.ContainsKey).OrderBy(id => id).ToList();
            var owners = members.Where(clusterOf.ContainsKey).Select(id => clusterOf[id]).Distinct().OrderBy(c => c.Id).ToList();
            var targets = targetsByGroup.GetValueOrDefault(sets.Find(group[0]));
            var description = Describe(owners.FirstOrDefault(), targets, linkByKey, placeById, members.Select(id => reported[id]).ToList());
            if (description is null)
            {
                continue;
            }

            if (owners.Count == 0)
            {
                db.Clusters.Add(Cluster.Form(members, description, asOf));
                formed++;
                added += members.Count;
                continue;
            }

            var survivor = owners[0];
            var before = survivor.CaseCount;
            foreach (var younger in owners.Skip(1))
            {
                survivor.Absorb(younger, asOf);
                merged++;
            }

            var grown = survivor.Grow(members, asOf);
            added += grown;
            var described = survivor.Describe(description);
            if (owners.Count > 1)
            {
                continue;
            }

            if (grown > 0)
            {
                grew++;
            }
            else if (!described && survivor.CaseCount == before)
            {
                unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new Detected(asOf, householdLinks, formed, grew, merged, unchanged, added);
    }

    /// <summary>
    /// The main target is the one that joins the most cases (a place before a household on a tie,
    /// then the lower key); nosocomial and supervision flags come from any place that joins cases.
    /// A group joined only by an existing cluster's membership keeps that cluster's description.
    /// </summary>
    private static Cluster.Description? Describe(
        Cluster? existing, Dictionary<string, int>? targets, Dictionary<string, LinkRow> linkByKey, Dictionary<long, Place> placeById, List<DateOnly> reported)
    {
        if (reported.Count == 0)
        {
            return null;
        }

        var first = reported.Min();
        var last = reported.Max();
        if (targets is null || targets.Count == 0)
        {
            return existing is null
                ? null
                : new Cluster.Description(existing.RegionCode, existing.TargetKey, existing.PlaceId, existing.PlaceName, existing.PlaceKind, existing.HouseholdNo,
                    existing.IsNosocomial, existing.NeedsSupervision, first, last);
        }

        var main = targets.OrderByDescending(t => t.Value).ThenBy(t => linkByKey[t.Key].Target).ThenBy(t => t.Key, StringComparer.Ordinal).First().Key;
        var joining = targets.Keys.Select(k => linkByKey[k]).Where(l => l.PlaceId is { } id && placeById.ContainsKey(id)).Select(l => placeById[l.PlaceId!.Value]).ToList();
        var nosocomial = joining.Any(p => p.Kind == PlaceKind.Hospital) || (existing?.IsNosocomial ?? false);
        var supervised = joining.Any(p => Cluster.IsClosedManagement(p.Kind, p.IsSupplyGuarantee)) || (existing?.NeedsSupervision ?? false);
        var link = linkByKey[main];
        var place = link.PlaceId is { } placeId ? placeById.GetValueOrDefault(placeId) : null;
        return new Cluster.Description(link.RegionCode, main, place?.Id, place?.Name, place?.Kind, link.HouseholdNo, nosocomial, supervised, first, last);
    }

    private static async Task<List<T>> LoadInBatchesAsync<T>(List<long> ids, Func<List<long>, IQueryable<T>> query, CancellationToken ct)
    {
        var all = new List<T>();
        for (var i = 0; i < ids.Count; i += Batch)
        {
            all.AddRange(await query(ids.GetRange(i, Math.Min(Batch, ids.Count - i))).ToListAsync(ct));
        }

        return all;
    }

    /// <summary>Parses an optional YYYY-MM-DD date; empty is <paramref name="today"/>.</summary>
    public static Result<DateOnly> ParseDate(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return today;
        }

        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Error.Invalid("date", ErrorText.Of("error.web.date-yyyy-mm-dd", text));
    }

    private sealed record LinkRow(long CaseId, string TargetKey, LinkTarget Target, long? PlaceId, string? HouseholdNo, string RegionCode, DateOnly On);

    /// <summary>Union–find over case ids.</summary>
    private sealed class DisjointSets
    {
        private readonly Dictionary<long, long> _parent = [];

        public void Add(long id) => _parent.TryAdd(id, id);

        public long Find(long id)
        {
            var root = id;
            while (_parent[root] != root)
            {
                root = _parent[root];
            }

            while (_parent[id] != root)
            {
                var next = _parent[id];
                _parent[id] = root;
                id = next;
            }

            return root;
        }

        public void Union(long a, long b)
        {
            var (ra, rb) = (Find(a), Find(b));
            if (ra != rb)
            {
                // The lower id becomes the root, so that roots do not depend on the order of unions.
                if (ra < rb)
                {
                    _parent[rb] = ra;
                }
                else
                {
                    _parent[ra] = rb;
                }
            }
        }

        public List<List<long>> Groups() =>
            _parent.Keys.ToList().GroupBy(Find).Select(g => g.ToList()).ToList();
    }
}
