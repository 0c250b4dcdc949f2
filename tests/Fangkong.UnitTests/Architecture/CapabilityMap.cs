namespace Fangkong.UnitTests.Architecture;

/// <summary>
/// The allowed dependencies between the capability folders of src/Fangkong: today's graph, written down
/// (docs/architecture-rules.md keeps the same table for readers). A new arrow is a design decision: add
/// it here and there, and keep the table free of cycles.
/// </summary>
internal static class CapabilityMap
{
    /// <summary>Below everything: every folder may use these.</summary>
    private static readonly string[] Foundation = ["Common", "Data"];

    /// <summary>
    /// Composition, not capabilities: Data maps every capability's entities into one model, Demo builds a
    /// synthetic population for all of them. They may use any folder; no capability may use Demo.
    /// </summary>
    private static readonly string[] Composers = ["Data", "Demo"];

    /// <summary>For each capability, the other capabilities it may use (besides Common and Data).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["Common"] = [],
        ["Access"] = ["Regions"],
        ["Regions"] = ["Access"],
        ["Auditing"] = ["Access"],
        ["Organisations"] = ["Access", "Places"],
        ["Places"] = ["Access", "Regions"],
        ["Residences"] = ["Access", "Persons", "Regions"],
        ["Persons"] = ["Access", "Regions", "Residences"],
        ["Testing"] = ["Access", "Auditing", "Persons", "Places", "Regions", "Residences"],
        // Not Areas (the plan's AreaScheme lives in Cases) nor SocialZero (it handles CasesReported).
        ["Cases"] = ["Access", "Persons", "Places", "Regions", "Residences", "Testing"],
        ["Areas"] = ["Access", "Cases", "Persons", "Regions", "Residences", "Testing"],
        ["Passes"] = ["Access", "Organisations", "Persons", "Regions"],
        ["Quarantine"] = ["Access", "Cases", "Passes", "Persons", "Regions", "Residences", "Testing"],
        ["ClosedLoop"] = ["Access", "Organisations", "Persons", "Places", "Testing"],
        ["SocialZero"] = ["Access", "Areas", "Cases", "ClosedLoop", "Persons", "Regions"],
        ["InfectionFree"] = ["Access", "Areas", "Regions", "Residences"],
        ["Supervision"] = ["Access", "Cases", "Livelihood", "Organisations", "Passes", "Persons", "Places", "Quarantine", "Regions", "Testing"],
        ["Livelihood"] = ["Access", "Persons", "Regions", "Residences"],
        ["Accountability"] = ["Access", "Organisations", "Regions", "Supervision"],
        // The situation view (issue 17) reads the figures of the capabilities it shows.
        ["CommandCentre"] = ["Access", "Areas", "Cases", "Quarantine", "Regions", "SocialZero", "Supervision", "Testing"],
    };

    /// <summary>
    /// The cycles the table still has, each with why it is there; the test refuses any other. Two were
    /// accidents and are gone: Cases used Supervision's evidence-file hash (now Common.Sha256Hex), and
    /// Supervision held an official's accountability record (now Accountability.OfficialRecord). Three
    /// more went with the CasesReported event and AreaScheme's move to Cases (ADR 0034).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> KnownCycles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Access → Regions → Access"] =
            "a jurisdiction is a region prefix: Regions' use cases are filtered by it, and AddUser checks a user's region is in the tree",
        ["Persons → Residences → Persons"] =
            "a person lives in a building unit (GetPerson shows the address); ListCompounds counts each compound's residents",
    };

    public static IEnumerable<string> Folders => Allowed.Keys.Concat(Composers).Distinct(StringComparer.Ordinal);

    /// <summary>The folder a type belongs to ("Fangkong.Testing.Sample" → "Testing"), or null outside src/Fangkong's folders.</summary>
    public static string? CapabilityOf(string fullName)
    {
        var parts = fullName.Split('.', '/');
        return parts.Length >= 3 && parts[0] == "Fangkong" && Folders.Contains(parts[1], StringComparer.Ordinal) ? parts[1] : null;
    }

    public static bool Allows(string from, string to) =>
        from == to
        || Composers.Contains(from, StringComparer.Ordinal)
        || (from != "Common" && Foundation.Contains(to, StringComparer.Ordinal))
        || (Allowed.TryGetValue(from, out var allowed) && allowed.Contains(to, StringComparer.Ordinal));

    /// <summary>Every cycle of the table, each as "A → B → … → A".</summary>
    public static IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var start in Allowed.Keys)
        {
            var path = new Stack<string>();
            Walk(start, start, path, cycles);
        }

        return cycles;
    }

    private static void Walk(string start, string at, Stack<string> path, List<string> cycles)
    {
        path.Push(at);
        foreach (var next in Allowed.GetValueOrDefault(at, []))
        {
            if (next == start)
            {
                cycles.Add(string.Join(" → ", path.Reverse().Append(start)));
            }
            else if (!path.Contains(next) && string.CompareOrdinal(next, start) > 0)
            {
                Walk(start, next, path, cycles);
            }
        }

        path.Pop();
    }
}
