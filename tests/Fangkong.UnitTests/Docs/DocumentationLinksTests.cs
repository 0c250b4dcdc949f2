using System.Text.RegularExpressions;
using Shouldly;

namespace Fangkong.UnitTests.Docs;

/// <summary>
/// The README is the front door: short, and every link in it (and in docs/) leads somewhere.
/// </summary>
public sealed partial class DocumentationLinksTests
{
    private const int ReadmeMaxBytes = 10 * 1024;

    [Fact]
    public void Readme_IsAtMostTenKilobytes()
    {
        var size = new FileInfo(Path.Combine(RepositoryRoot(), "README.md")).Length;
        size.ShouldBeLessThanOrEqualTo(ReadmeMaxBytes);
    }

    [Fact]
    public void EveryRelativeLink_InTheReadmeAndDocs_Resolves()
    {
        var root = RepositoryRoot();
        var files = Directory.GetFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories)
            .Append(Path.Combine(root, "README.md"));
        var broken = new List<string>();
        foreach (var file in files)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(file)))
            {
                var target = link.Groups["target"].Value.Split('#')[0];
                if (target.Length == 0 || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target));
                if (!File.Exists(resolved) && !Directory.Exists(resolved))
                {
                    broken.Add($"{Path.GetRelativePath(root, file)} → {target}");
                }
            }
        }

        broken.ShouldBeEmpty();
    }

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

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
