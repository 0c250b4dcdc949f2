using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fangkong.UnitTests.Common.Errors;

/// <summary>
/// Each reader sees one language, so every text of tools/texts.tsv must stand on its own in both: a
/// key in both languages, both resource files generated from the current list, neither language
/// dropping an argument the other shows, and no Chinese text still carrying its English in brackets.
/// </summary>
public sealed partial class TextsInBothLanguagesTests
{
    /// <summary>
    /// Texts whose Chinese takes an argument that is Chinese words (a noun or verb the caller passes
    /// in Chinese), which the English cannot show.
    /// </summary>
    private static readonly HashSet<string> ChineseOnlyArguments =
    [
        "error.cases.nothing-imported-bad-rows", // {0}: 病例/密接/扫码记录, what was not imported
        "error.infection-free.criteria-do-not-hold", // {0}: 申请/审核/登记, the step refused
    ];

    [Fact]
    public void EveryKey_HasAChineseAndAnEnglishText()
    {
        var texts = TextsTsv();
        texts.Count.ShouldBeGreaterThan(1000, "texts.tsv should be read; did its path change?");

        var missing = texts.Where(t => t.Chinese.Trim().Length == 0 || t.English.Trim().Length == 0).Select(t => t.Key).ToList();
        var twice = texts.GroupBy(t => t.Key).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        missing.ShouldBeEmpty("every key needs both languages");
        twice.ShouldBeEmpty("a key appears twice (a union merge of texts.tsv?)");
    }

    [Fact]
    public void BothResourceFiles_HoldEveryTextOfTheList()
    {
        var texts = TextsTsv();

        Resx("SharedResource.resx").ShouldBe(texts.ToDictionary(t => t.Key, t => t.Chinese), "run python3 tools/make-resx.py");
        Resx("SharedResource.en.resx").ShouldBe(texts.ToDictionary(t => t.Key, t => t.English), "run python3 tools/make-resx.py");
    }

    [Fact]
    public void NeitherLanguage_DropsAnArgumentTheOtherShows()
    {
        var poorer = new List<string>();
        foreach (var (key, chinese, english) in TextsTsv().Where(t => !ChineseOnlyArguments.Contains(t.Key)))
        {
            var zh = Placeholders(chinese);
            var en = Placeholders(english);
            // Different sets are fine when each side has its own (a Chinese name in {0}, the English one in
            // {1}); a side whose arguments are a strict part of the other's hides something from its reader.
            if (zh.IsProperSubsetOf(en) || en.IsProperSubsetOf(zh))
            {
                poorer.Add($"{key}: {chinese} | {english}");
            }
        }

        poorer.ShouldBeEmpty("a reader of one language would miss what the other is told");
    }

    [Fact]
    public void TheArgumentCheck_CanFail()
    {
        Placeholders("区划不存在").IsProperSubsetOf(Placeholders("region {0} is not in the registry")).ShouldBeTrue();
        Placeholders("{0:yyyy-MM-dd} 之后").ShouldBe(["0"]);
        Placeholders("字面的 {{0}}").ShouldBeEmpty();
    }

    [Fact]
    public void NoChineseText_CarriesItsEnglishInBrackets()
    {
        var bilingual = TextsTsv().Where(t => BracketedEnglish().IsMatch(t.Chinese)).Select(t => $"{t.Key}: {t.Chinese}").ToList();

        bilingual.ShouldBeEmpty("the Chinese text is shown alone now: drop the English half");
        BracketedEnglish().IsMatch("第 {0} 行 (line {0}): 报告时间无效").ShouldBeTrue();
        BracketedEnglish().IsMatch("类型应为 fixed（固定）或 temporary（临时）").ShouldBeFalse();
    }

    private static HashSet<string> Placeholders(string template) =>
        [.. Placeholder().Matches(template.Replace("{{", string.Empty, StringComparison.Ordinal)).Select(m => m.Groups[1].Value)];

    private sealed record Text(string Key, string Chinese, string English);

    private static List<Text> TextsTsv() =>
        [.. File.ReadAllLines(Path.Combine(RepositoryRoot(), "tools", "texts.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(p => new Text(p[0], p[1], p.Length > 2 ? p[2] : string.Empty))];

    private static Dictionary<string, string> Resx(string name) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Fangkong.Web", "Resources", name))
            .Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

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

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex Placeholder();

    /// <summary>A space, then an opening ASCII bracket and an English word of three letters or more: "… (line 3)".</summary>
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}[^\t]* \((?=[^)]*[A-Za-z]{3,})[A-Za-z'{][^)]*\)")]
    private static partial Regex BracketedEnglish();
}
