using System.Text.RegularExpressions;

namespace Fangkong.UnitTests.Common.Errors;

/// <summary>
/// A reader gets one language: no new "中文 (English)" literal may appear in src/. The few that must
/// stay (texts stored once for every reader, the CLI's own lines until they are converted) are listed
/// with a count and a reason in tools/bilingual-allowed.tsv; tools/extract-error-texts.py converts the rest.
/// </summary>
public sealed partial class BilingualLiteralsTests
{
    [Fact]
    public void NoFileHoldsMoreBilingualLiteralsThanTheAllowList()
    {
        var allowed = AllowList();
        var over = new List<string>();
        foreach (var (file, lines) in BilingualLinesBySourceFile())
        {
            var budget = allowed.GetValueOrDefault(file);
            if (lines.Count > budget)
            {
                over.Add($"{file}: {lines.Count} (allowed {budget}), first at line {lines[0]}");
            }
        }

        over.ShouldBeEmpty("write the text in tools/texts.tsv and use ErrorText.Of (python3 tools/extract-error-texts.py does it), or list the file with its reason in tools/bilingual-allowed.tsv");
    }

    [Fact]
    public void TheAllowList_IsNoLargerThanWhatIsLeft()
    {
        // A converted file must leave the list, so the list only ever shrinks.
        var found = BilingualLinesBySourceFile().ToDictionary(f => f.File, f => f.Lines.Count);
        var stale = AllowList().Where(a => found.GetValueOrDefault(a.Key) < a.Value)
            .Select(a => $"{a.Key}: allowed {a.Value}, found {found.GetValueOrDefault(a.Key)}").ToList();

        stale.ShouldBeEmpty("lower the count in tools/bilingual-allowed.tsv (or remove the line)");
    }

    [Fact]
    public void EveryAllowedFile_HasAReason()
    {
        var lines = File.ReadAllLines(AllowListPath()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        lines.ShouldAllBe(l => l.Split('\t').Length == 3 && l.Split('\t')[2].Trim().Length > 10);
    }

    [Fact]
    public void TheScan_RecognisesABilingualLiteral_AndSkipsCommentsAndCodedTexts()
    {
        BilingualLiteral().IsMatch("""refused.Add(new Refusal(line, $"混管规格「{size}」不是整数 (pool_size is not a number)"));""").ShouldBeTrue();
        BilingualLiteral().IsMatch("""PassVerdict.Expired => "通行证已过期 (Expired)",""").ShouldBeTrue();
        BilingualLiteral().IsMatch("""$"试管 {barcode} 已满（{size} 人）(tube {barcode} is full)";""").ShouldBeTrue();
        BilingualLiteral().IsMatch("""refused.Add(new Refusal(line, ErrorText.Of("error.testing.pool-size-not-number", size)));""").ShouldBeFalse();
        IsComment("    /// <summary>Regions the user sees, \"名称 (code)\".</summary>").ShouldBeTrue();
    }

    private static IEnumerable<(string File, List<int> Lines)> BilingualLinesBySourceFile()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        foreach (var path in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var lines = File.ReadLines(path)
                .Select((text, i) => (text, number: i + 1))
                .Where(l => !IsComment(l.text) && BilingualLiteral().IsMatch(l.text))
                .Select(l => l.number)
                .ToList();
            if (lines.Count > 0)
            {
                yield return (Path.GetRelativePath(RepositoryRoot(), path).Replace(Path.DirectorySeparatorChar, '/'), lines);
            }
        }
    }

    private static Dictionary<string, int> AllowList() =>
        File.ReadAllLines(AllowListPath())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .ToDictionary(p => p[0], p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static bool IsComment(string line) => line.TrimStart().StartsWith("//", StringComparison.Ordinal) || line.TrimStart().StartsWith('*');

    private static string AllowListPath() => Path.Combine(RepositoryRoot(), "tools", "bilingual-allowed.tsv");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fangkong.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Fangkong.slnx) not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// A string literal holding Chinese, then a space or a full-width bracket and a bracketed part opening
    /// with Latin text: "中文 (English)", "中文（注）(English)".
    /// </summary>
    [GeneratedRegex("""
        "[^"\n]*\p{IsCJKUnifiedIdeographs}[^"\n]*[ ）]\([A-Za-z'{][^"\n]*\)
        """)]
    private static partial Regex BilingualLiteral();
}
