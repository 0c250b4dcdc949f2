using System.Globalization;
using System.Text.Json.Serialization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Clusters;

public enum ChainNodeKind
{
    Case,
    Contact,
}

public enum ChainEdgeKind
{
    /// <summary>Case → its close contact (密接).</summary>
    CloseContact,

    /// <summary>Close contact → its secondary contact (次密接).</summary>
    SecondaryContact,

    /// <summary>Contact → the case the contact later became (same identity number or person).</summary>
    BecameCase,
}

/// <summary>
/// The transmission chain of a cluster: case → close contacts (→ secondary contacts) → the cases
/// those contacts became, followed from the cluster's cases as far as the records go. A contact
/// became a case when a case has the contact's identity number, directly or through the person
/// register. Generations count from the cases nobody in the chain infected (generation 0). Only
/// records within the jurisdiction appear; identity numbers are masked for the role; the read is
/// audited.
/// </summary>
public static class BuildChain
{
    /// <summary>Beyond this many cases the chain stops growing and says it is truncated.</summary>
    public const int MaxCases = 5000;

    private const int Batch = 500;

    public sealed record Node(string Id, ChainNodeKind Kind, string No, string Name, string IdNumber, int Generation, DateOnly? On, bool InCluster, ContactKind? ContactKind);

    public sealed record Edge(string From, string To, ChainEdgeKind Kind);

    public sealed record Generation(int Number, int Cases, int CloseContacts, int SecondaryContacts);

    /// <summary>A contact of a case in the readable tree, with the case it became and its own contacts.</summary>
    public sealed record ContactEntry(Node Contact, string? BecameCaseNo, IReadOnlyList<ContactEntry> Secondary);

    /// <summary>A case in the readable tree: where it came from and its contacts.</summary>
    public sealed record CaseEntry(Node Case, string? ParentCaseNo, string? ViaContactNo, IReadOnlyList<ContactEntry> Contacts);

    public sealed record Chain(long ClusterId, IReadOnlyList<Generation> Generations, IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges, bool Truncated)
    {
        /// <summary>The cases by generation with their contacts, for an indented list.</summary>
        [JsonIgnore]
        public IReadOnlyList<CaseEntry> Tree { get; init; } = [];
    }

    public static async Task<Result<Chain>> HandleAsync(FangkongDbContext db, long clusterId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cluster = await db.Clusters.AsNoTracking().Include(c => c.Cases).FirstOrDefaultAsync(c => c.Id == clusterId, ct);
        if (cluster is null)
        {
            return GetCluster.NotFound(clusterId);
        }

        var memberIds = cluster.Cases.Select(m => m.CaseId).ToList();
        var cases = new Dictionary<string, Case>(StringComparer.Ordinal);
        foreach (var c in await InBatchesAsync(memberIds, ids => db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)), ct))
        {
            cases[c.CaseNo] = c;
        }

        var members = cases.Keys.ToHashSet(StringComparer.Ordinal);
        var contacts = new Dictionary<string, Contact>(StringComparer.Ordinal);
        var became = new Dictionary<string, string>(StringComparer.Ordinal);
        var frontier = cases.Keys.ToList();
        var truncated = false;
        while (frontier.Count > 0)
        {
            var close = await InBatchesAsync(frontier, nos => db.Contacts.AsNoTracking().Where(c => c.SourceCaseNo != null && nos.Contains(c.SourceCaseNo)), ct);
            var closeNos = close.Select(c => c.ContactNo).ToList();
            var secondary = await InBatchesAsync(closeNos, nos => db.Contacts.AsNoTracking().Where(c => c.SourceContactNo != null && nos.Contains(c.SourceContactNo)), ct);
            var found = close.Concat(secondary).Where(c => contacts.TryAdd(c.ContactNo, c)).ToList();
            var next = new List<string>();
            foreach (var (contactNo, caseFound) in await MatchCasesAsync(db, found, ct))
            {
                if (contacts[contactNo].SourceCaseNo == caseFound.CaseNo)
                {
                    continue;
                }

                became[contactNo] = caseFound.CaseNo;
                if (cases.Count >= MaxCases && !cases.ContainsKey(caseFound.CaseNo))
                {
                    truncated = true;
                    continue;
                }

                if (cases.TryAdd(caseFound.CaseNo, caseFound))
                {
                    next.Add(caseFound.CaseNo);
                }
            }

            frontier = next;
        }

        var chain = Assemble(clusterId, cases, members, contacts, became, db.Jurisdiction, truncated);
        if (cases.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Case), string.Create(CultureInfo.InvariantCulture, $"cluster={clusterId};chain"), cases.Values.Select(c => c.Id).ToList(), cluster.RegionCode, ct);
        }

        if (contacts.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Contact), string.Create(CultureInfo.InvariantCulture, $"cluster={clusterId};chain"), contacts.Values.Select(c => c.Id).ToList(), cluster.RegionCode, ct);
        }

        return chain;
    }

    /// <summary>The case each contact became: same identity number, or the register's person with that number.</summary>
    private static async Task<List<(string ContactNo, Case Case)>> MatchCasesAsync(FangkongDbContext db, List<Contact> contacts, CancellationToken ct)
    {
        var numbers = contacts.Select(c => c.IdNumber).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0)
        {
            return [];
        }

        var byNumber = (await InBatchesAsync(numbers, ns => db.Cases.AsNoTracking().Where(c => ns.Contains(c.IdNumber)), ct))
            .GroupBy(c => c.IdNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(c => c.ReportedOn).ThenBy(c => c.CaseNo, StringComparer.Ordinal).First(), StringComparer.Ordinal);
        var persons = await InBatchesAsync(numbers.Where(n => !byNumber.ContainsKey(n)).ToList(),
            ns => db.Persons.AsNoTracking().Where(p => ns.Contains(p.DocumentNumber)).Select(p => new { p.Id, p.DocumentNumber }), ct);
        if (persons.Count > 0)
        {
            var personIds = persons.Select(p => p.Id).ToList();
            var byPerson = (await InBatchesAsync(personIds, ids => db.Cases.AsNoTracking().Where(c => c.PersonId != null && ids.Contains(c.PersonId.Value)), ct))
                .GroupBy(c => c.PersonId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(c => c.ReportedOn).ThenBy(c => c.CaseNo, StringComparer.Ordinal).First());
            foreach (var person in persons.Where(p => byPerson.ContainsKey(p.Id)))
            {
                byNumber.TryAdd(person.DocumentNumber, byPerson[person.Id]);
            }
        }

        return contacts.Where(c => byNumber.ContainsKey(c.IdNumber)).Select(c => (c.ContactNo, byNumber[c.IdNumber])).ToList();
    }

    private static Chain Assemble(
        long clusterId, Dictionary<string, Case> cases, HashSet<string> members, Dictionary<string, Contact> contacts, Dictionary<string, string> became,
        Access.Jurisdiction jurisdiction, bool truncated)
    {
        // The case whose contact a contact is: itself for a close contact, its close contact's for a secondary one.
        string? SourceCase(Contact c) =>
            c.SourceCaseNo ?? (c.SourceContactNo is { } via && contacts.TryGetValue(via, out var close) ? close.SourceCaseNo : null);

        var children = new Dictionary<string, List<(string Child, string Via)>>(StringComparer.Ordinal);
        var hasParent = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (contactNo, caseNo) in became.Where(b => cases.ContainsKey(b.Value)))
        {
            if (SourceCase(contacts[contactNo]) is { } parent && cases.ContainsKey(parent) && parent != caseNo)
            {
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add((caseNo, contactNo));
                hasParent.Add(caseNo);
            }
        }

        var generation = new Dictionary<string, int>(StringComparer.Ordinal);
        var parentOf = new Dictionary<string, (string Parent, string Via)>(StringComparer.Ordinal);
        var order = cases.Values.OrderBy(c => c.ReportedOn).ThenBy(c => c.CaseNo, StringComparer.Ordinal).Select(c => c.CaseNo).ToList();
        var roots = order.Where(no => !hasParent.Contains(no)).ToList();
        while (generation.Count < cases.Count)
        {
            var queue = new Queue<string>();
            foreach (var root in roots.Where(r => !generation.ContainsKey(r)))
            {
                generation[root] = 0;
                queue.Enqueue(root);
            }

            while (queue.TryDequeue(out var current))
            {
                foreach (var (child, via) in children.GetValueOrDefault(current) ?? [])
                {
                    if (generation.TryAdd(child, generation[current] + 1))
                    {
                        parentOf[child] = (current, via);
                        queue.Enqueue(child);
                    }
                }
            }

            // Cases only reachable through a cycle (a data error): the earliest left starts again at 0.
            roots = order.Where(no => !generation.ContainsKey(no)).Take(1).ToList();
        }

        string Mask(string idNumber) => CaseView.Mask(idNumber, jurisdiction);
        var caseNodes = order.ToDictionary(
            no => no,
            no => new Node($"case:{no}", ChainNodeKind.Case, no, cases[no].Name, Mask(cases[no].IdNumber), generation[no], cases[no].ReportedOn, members.Contains(no), null),
            StringComparer.Ordinal);
        var contactNodes = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var contact in contacts.Values.OrderBy(c => c.ContactNo, StringComparer.Ordinal))
        {
            var source = SourceCase(contact);
            var gen = source is not null && generation.TryGetValue(source, out var g) ? g : 0;
            contactNodes[contact.ContactNo] = new Node($"contact:{contact.ContactNo}", ChainNodeKind.Contact, contact.ContactNo, contact.Name, Mask(contact.IdNumber), gen,
                contact.IdentifiedOn, false, contact.Kind);
        }

        var edges = new List<Edge>();
        foreach (var contact in contacts.Values.OrderBy(c => c.ContactNo, StringComparer.Ordinal))
        {
            if (contact.SourceCaseNo is { } from && caseNodes.ContainsKey(from))
            {
                edges.Add(new Edge($"case:{from}", $"contact:{contact.ContactNo}", ChainEdgeKind.CloseContact));
            }
            else if (contact.SourceContactNo is { } via && contactNodes.ContainsKey(via))
            {
                edges.Add(new Edge($"contact:{via}", $"contact:{contact.ContactNo}", ChainEdgeKind.SecondaryContact));
            }

            if (became.TryGetValue(contact.ContactNo, out var caseNo) && caseNodes.ContainsKey(caseNo))
            {
                edges.Add(new Edge($"contact:{contact.ContactNo}", $"case:{caseNo}", ChainEdgeKind.BecameCase));
            }
        }

        var secondaryOf = contacts.Values.Where(c => c.SourceContactNo is not null).GroupBy(c => c.SourceContactNo!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ContactNo, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var closeOf = contacts.Values.Where(c => c.SourceCaseNo is not null).GroupBy(c => c.SourceCaseNo!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.ContactNo, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        ContactEntry Entry(Contact c) => new(
            contactNodes[c.ContactNo], became.GetValueOrDefault(c.ContactNo),
            (secondaryOf.GetValueOrDefault(c.ContactNo) ?? []).Select(s => new ContactEntry(contactNodes[s.ContactNo], became.GetValueOrDefault(s.ContactNo), [])).ToList());
        var tree = order.OrderBy(no => generation[no]).Select(no => new CaseEntry(
            caseNodes[no],
            parentOf.TryGetValue(no, out var p) ? p.Parent : null,
            parentOf.TryGetValue(no, out var q) ? q.Via : null,
            (closeOf.GetValueOrDefault(no) ?? []).Select(Entry).ToList())).ToList();

        var generations = caseNodes.Values.GroupBy(n => n.Generation).OrderBy(g => g.Key).Select(g => new Generation(
            g.Key,
            g.Count(),
            contactNodes.Values.Count(c => c.Generation == g.Key && c.ContactKind == ContactKind.Close),
            contactNodes.Values.Count(c => c.Generation == g.Key && c.ContactKind == ContactKind.Secondary))).ToList();
        var nodes = caseNodes.Values.OrderBy(n => n.Generation).ThenBy(n => n.On).ThenBy(n => n.No, StringComparer.Ordinal)
            .Concat(contactNodes.Values.OrderBy(n => n.Generation).ThenBy(n => n.No, StringComparer.Ordinal)).ToList();
        return new Chain(clusterId, generations, nodes, edges, truncated) { Tree = tree };
    }

    private static async Task<List<T>> InBatchesAsync<TKey, T>(List<TKey> keys, Func<List<TKey>, IQueryable<T>> query, CancellationToken ct)
    {
        var all = new List<T>();
        for (var i = 0; i < keys.Count; i += Batch)
        {
            all.AddRange(await query(keys.GetRange(i, Math.Min(Batch, keys.Count - i))).ToListAsync(ct));
        }

        return all;
    }
}
