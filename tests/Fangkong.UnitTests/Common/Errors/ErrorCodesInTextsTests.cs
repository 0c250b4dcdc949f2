using System.Globalization;
using System.Text.RegularExpressions;
using Fangkong.Common;

namespace Fangkong.UnitTests.Common.Errors;

/// <summary>
/// Every error code used in src/ has a Chinese and an English text in tools/texts.tsv, and no error
/// is built from a literal message any more (tools/extract-error-texts.py converts those).
/// </summary>
public sealed partial class ErrorCodesInTextsTests
{
    [Fact]
    public void EveryCodeUsedInSources_HasChineseAndEnglishText()
    {
        var codes = CodesUsedInSources();
        codes.Count.ShouldBeGreaterThan(400, "the scan should find the converted calls; did the pattern break?");

        var missing = codes.Where(c => ErrorTexts.Find(c) is not { Chinese.Length: > 0, English.Length: > 0 }).Order().ToList();
        missing.ShouldBeEmpty("add these keys to tools/texts.tsv (key, Chinese, English)");
    }

    [Fact]
    public void EveryErrorText_IsAValidFormatInBothLanguages()
    {
        var dummies = Enumerable.Range(0, 10).Select(i => (object)("arg" + i)).ToArray();
        var broken = new List<string>();
        foreach (var code in ErrorTexts.Codes)
        {
            var text = ErrorTexts.Find(code)!;
            foreach (var template in new[] { text.Chinese, text.English })
            {
                try
                {
                    _ = string.Format(CultureInfo.InvariantCulture, template, dummies);
                }
                catch (FormatException)
                {
                    broken.Add($"{code}: {template}");
                }
            }
        }

        broken.ShouldBeEmpty();
    }

    [Fact]
    public void NoErrorIsBuiltFromALiteralMessage()
    {
        var offenders = new List<string>();
        foreach (var file in SourceFiles())
        {
            var source = File.ReadAllText(file);
            foreach (Match m in LiteralMessageCall().Matches(source))
            {
                var line = source[..m.Index].Count(c => c == '\n') + 1;
                offenders.Add($"{Path.GetRelativePath(RepositoryRoot(), file)}:{line}");
            }
        }

        offenders.ShouldBeEmpty("run python3 tools/extract-error-texts.py, then python3 tools/make-resx.py");
    }

    [Fact]
    public void TheScan_FindsALiteralMessage()
    {
        // The guard above must recognise the shapes the script converts, or it could never fail.
        LiteralMessageCall().IsMatch("""return Error.NotFound($"检查 {id} 不存在 (Inspection {id} was not found).");""").ShouldBeTrue();
        LiteralMessageCall().IsMatch("""Error.Invalid("kind", "单元类型错误 (kind is wrong).")""").ShouldBeTrue();
        LiteralMessageCall().IsMatch("""Error.Invalid("kind", ErrorText.Of("error.web.kind"))""").ShouldBeFalse();
    }

    private static HashSet<string> CodesUsedInSources()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            foreach (Match m in CodeUse().Matches(File.ReadAllText(file)))
            {
                codes.Add(m.Groups["code"].Value);
            }
        }

        return codes;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

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

    [GeneratedRegex("""ErrorText\.Of\(\s*"(?<code>[^"]+)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex CodeUse();

    /// <summary>A factory call whose message (the last argument) opens with a string literal holding Chinese.</summary>
    [GeneratedRegex("""\bError\.(Invalid\(\s*[^,()]*(\([^()]*\))?[^,()]*,|NotFound\(|Conflict\(|Forbidden\(|TooManyRequests\()\s*(string\.Create\([^,]+,\s*)?\$?@?"[^"\n]*\p{IsCJKUnifiedIdeographs}""")]
    private static partial Regex LiteralMessageCall();
}
