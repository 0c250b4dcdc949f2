using System.Collections.Frozen;
using System.Reflection;

namespace Fangkong.Common;

/// <summary>
/// The coded texts of tools/texts.tsv (rows whose key starts with <c>error.</c>, and the CLI's own
/// lines, <c>cli.</c>), embedded in this assembly so the domain, the web host and the CLI render the
/// same words without the web's resx; the pages' other texts are read through the resx.
/// </summary>
public static class ErrorTexts
{
    private static readonly string[] KeyPrefixes = ["error.", "cli."];

    private static readonly Lazy<FrozenDictionary<string, Entry>> All = new(Load);

    /// <summary>One text in both languages.</summary>
    public sealed record Entry(string Code, string Chinese, string English);

    public static IReadOnlyCollection<string> Codes => All.Value.Keys;

    public static Entry? Find(string code) => All.Value.GetValueOrDefault(code);

    private static FrozenDictionary<string, Entry> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fangkong.texts.tsv")
            ?? throw new InvalidOperationException("texts.tsv is not embedded in the Fangkong assembly.");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && Array.Exists(KeyPrefixes, p => parts[0].StartsWith(p, StringComparison.Ordinal)))
            {
                entries[parts[0]] = new Entry(parts[0], parts[1], parts[2]);
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
