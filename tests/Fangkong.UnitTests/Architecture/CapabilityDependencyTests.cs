using Fangkong.Data;

namespace Fangkong.UnitTests.Architecture;

/// <summary>
/// The capability folders of src/Fangkong depend on each other only as the table in
/// <see cref="CapabilityMap"/> allows (docs/architecture-rules.md, ADR 0024). Read from the compiled IL,
/// so a reference through a DbSet, a lambda or a fully qualified name counts as much as a using.
/// </summary>
public sealed class CapabilityDependencyTests
{
    private static readonly Lazy<IReadOnlyList<TypeDependencies.Edge>> Edges =
        new(() => TypeDependencies.Of(typeof(FangkongDbContext).Assembly.Location));

    [Fact]
    public void Capabilities_DependOnlyOnWhatTheTableAllows()
    {
        var forbidden = Edges.Value
            .Select(e => (e, From: CapabilityMap.CapabilityOf(e.From), To: CapabilityMap.CapabilityOf(e.To)))
            .Where(x => x.From is not null && x.To is not null && x.From != x.To && !CapabilityMap.Allows(x.From, x.To))
            .GroupBy(x => $"{x.From} → {x.To}", x => $"{x.e.From} uses {x.e.To}")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} (not in the allowed table): {string.Join("; ", g.Order(StringComparer.Ordinal).Take(3))}")
            .ToList();

        forbidden.ShouldBeEmpty("a capability may use only Common, Data and what CapabilityMap.Allowed lists for it");
    }

    [Fact]
    public void Common_DependsOnNoOtherFolder()
    {
        var uses = Edges.Value
            .Where(e => CapabilityMap.CapabilityOf(e.From) == "Common")
            .Where(e => CapabilityMap.CapabilityOf(e.To) is { } to && to != "Common")
            .Select(e => $"{e.From} uses {e.To}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        uses.ShouldBeEmpty("Common (results, errors, time, CSV, paging) is below every capability");
    }

    [Fact]
    public void TheAllowedTable_HasNoCycles_ButTheKnownOnes()
    {
        CapabilityMap.Cycles().Where(c => !CapabilityMap.KnownCycles.ContainsKey(c))
            .ShouldBeEmpty("a new arrow closes a cycle between capabilities: use a domain event or move the shared rule to its owner");
    }

    [Fact]
    public void EveryKnownCycle_StillExists_SoTheListOnlyShrinks()
    {
        var cycles = CapabilityMap.Cycles();
        CapabilityMap.KnownCycles.Keys.Where(k => !cycles.Contains(k, StringComparer.Ordinal))
            .ShouldBeEmpty("a cycle that is gone comes off the known list, so that it cannot come back unnoticed");
        CapabilityMap.KnownCycles.Count.ShouldBe(2, "Cases → SocialZero and Cases → Areas went with CasesReported and AreaScheme's move (ADR 0034)");
    }

    [Fact]
    public void TheAllowedTable_NamesEveryFolder_AndOnlyFolders()
    {
        var folders = Directory.GetDirectories(Path.Combine(RepositoryFiles.Root, "src", "Fangkong"))
            .Select(Path.GetFileName)
            .Where(n => n is not ("bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();

        CapabilityMap.Folders.Order(StringComparer.Ordinal).ShouldBe(folders!);
    }
}
