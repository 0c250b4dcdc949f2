using System.Text.RegularExpressions;
using Fangkong.Access;
using Fangkong.Data;

namespace Fangkong.UnitTests.Architecture;

/// <summary>
/// Every lifting of the jurisdiction filter goes through <see cref="JurisdictionBypass"/> with a reason,
/// and every one is listed in docs/architecture-rules.md (ADR 0024).
/// </summary>
public sealed partial class JurisdictionBypassTests
{
    private const string Helper = "src/Fangkong/Data/JurisdictionBypass.cs";
    private const string RulesDocument = "docs/architecture-rules.md";

    [Fact]
    public void IgnoreQueryFilters_AppearsNowhereInSrc_ButTheBypassHelper()
    {
        var offenders = RepositoryFiles.Sources()
            .Where(f => f.Path != Helper)
            .SelectMany(f => f.Text.Split('\n').Select((line, i) => (f.Path, Line: i + 1, Text: line)))
            .Where(l => l.Text.Contains("IgnoreQueryFilters", StringComparison.Ordinal))
            .Select(l => $"{l.Path}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        offenders.ShouldBeEmpty(
            "lift the jurisdiction filter with BypassJurisdiction(BypassReason.…) and list the place in " + RulesDocument);
    }

    [Fact]
    public void EveryBypass_IsListedWithItsReason_InTheRulesDocument()
    {
        var inCode = RepositoryFiles.Sources()
            .SelectMany(f => BypassCall().Matches(f.Text).Select(m => (f.Path, Reason: m.Groups["reason"].Value)))
            .GroupBy(x => x)
            .Select(g => $"{g.Key.Path} {g.Key.Reason} {g.Count()}")
            .Order(StringComparer.Ordinal)
            .ToList();
        var inDocs = DocumentRow().Matches(RepositoryFiles.Read(RulesDocument))
            .Select(m => $"{m.Groups["path"].Value} {m.Groups["reason"].Value} {m.Groups["count"].Value}")
            .Order(StringComparer.Ordinal)
            .ToList();

        inCode.ShouldNotBeEmpty();
        inDocs.ShouldBe(inCode, $"the bypass table in {RulesDocument} (path, reason, count) must match the code");
    }

    [Fact]
    public void EveryReason_IsUsedSomewhere()
    {
        var used = RepositoryFiles.Sources()
            .SelectMany(f => BypassCall().Matches(f.Text).Select(m => m.Groups["reason"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Enum.GetNames<BypassReason>().Where(r => !used.Contains(r)).ShouldBeEmpty("a reason nobody uses should go");
    }

    [Fact]
    public void BypassJurisdiction_WithAnUndefinedReason_IsRefused()
    {
        var rows = new[] { new Scoped("22") }.AsQueryable();

        Should.Throw<ArgumentOutOfRangeException>(() => rows.BypassJurisdiction((BypassReason)999)).ParamName.ShouldBe("reason");
    }

    private sealed record Scoped(string RegionCode) : IRegionScoped;

    [GeneratedRegex(@"BypassJurisdiction\(\s*BypassReason\.(?<reason>\w+)\s*\)")]
    private static partial Regex BypassCall();

    [GeneratedRegex(@"^\|\s*`(?<path>src/[^`]+)`\s*\|\s*(?<reason>\w+)\s*\|\s*(?<count>\d+)\s*\|", RegexOptions.Multiline)]
    private static partial Regex DocumentRow();
}
