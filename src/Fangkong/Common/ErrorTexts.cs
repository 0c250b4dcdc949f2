using System.Collections.Frozen;
using System.Reflection;

namespace Fangkong.Common;

/// <summary>
/// The error texts of tools/texts.tsv (rows whose key starts with <c>error.</c>), embedded in this
/// assembly so the domain, the web host and the CLI render the same words without the web's resx.
/// </summary>
public static class ErrorTexts
{
    public const string KeyPrefix = "error.";

    private static readonly Lazy<FrozenDictionary<string, Entry>> All = new(Load);

    /// <summary>One text in both languages, with the combined form shown to Chinese readers.</summary>
    public sealed record Entry(string Code, string Chinese, string English)
    {
        /// <summary>
        /// "中文 (English)": the English's final full stop goes after the bracket, and no space follows a
        /// full-width bracket, exactly as the messages read before they were coded.
        /// </summary>
        public string Bilingual { get; } = Combine(Chinese, English);
    }

    public static IReadOnlyCollection<string> Codes => All.Value.Keys;

    public static Entry? Find(string code) => All.Value.GetValueOrDefault(code);

    internal static string Combine(string chinese, string english)
    {
        var stop = english.EndsWith('.') ? "." : string.Empty;
        var body = stop.Length == 0 ? english : english[..^1];
        var space = chinese.EndsWith('）') ? string.Empty : " ";
        return $"{chinese}{space}({body}){stop}";
    }

    private static FrozenDictionary<string, Entry> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fangkong.texts.tsv")
            ?? throw new InvalidOperationException("texts.tsv is not embedded in the Fangkong assembly.");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('\t');
            if (parts.Length == 3 && parts[0].StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                entries[parts[0]] = new Entry(parts[0], parts[1], parts[2]);
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
