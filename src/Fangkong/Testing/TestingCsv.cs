using System.Globalization;
using Fangkong.Common;

namespace Fangkong.Testing;

/// <summary>
/// Reads the sampling and result files: a header naming the columns (English names or the
/// Chinese ones labs and sampling teams use), then one record per row with its line number.
/// </summary>
internal static class TestingCsv
{
    public sealed record Record(long Line, IReadOnlyDictionary<string, string> Fields)
    {
        public string Get(string column) => Fields.TryGetValue(column, out var value) ? value.Trim() : string.Empty;
    }

    /// <summary>Reads the file; a missing required column or an unreadable file is one error.</summary>
    public static Result<List<Record>> Read(string path, IReadOnlyDictionary<string, string> aliases, IReadOnlyCollection<string> required)
    {
        if (!File.Exists(path))
        {
            return Error.Invalid("file", $"文件不存在 (file not found: {path})");
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var tokenizer = new CsvTokenizer(reader);
        var fields = new List<string>();
        if (!tokenizer.TryRead(fields))
        {
            return Error.Invalid("file", "文件为空 (the file is empty)");
        }

        var header = fields.Select(f => aliases.TryGetValue(f.Trim().TrimStart('\uFEFF').ToLowerInvariant(), out var name) ? name : f.Trim().ToLowerInvariant()).ToList();
        var missing = required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid("file", $"第 1 行缺少列 (line 1 lacks the column(s)): {string.Join(", ", missing)}");
        }

        var records = new List<Record>();
        try
        {
            while (tokenizer.TryRead(fields))
            {
                if (fields.Count == 1 && fields[0].Length == 0)
                {
                    continue;
                }

                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < Math.Min(header.Count, fields.Count); i++)
                {
                    map[header[i]] = fields[i];
                }

                records.Add(new Record(tokenizer.RecordLine, map));
            }
        }
        catch (FormatException e)
        {
            return Error.Invalid("file", string.Create(CultureInfo.InvariantCulture, $"第 {tokenizer.RecordLine} 行 (line {tokenizer.RecordLine}): {e.Message}"));
        }

        return records;
    }

    public static bool TryParseTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    public static bool TryParseCt(string text, out double? value)
    {
        value = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ct))
        {
            value = ct;
            return true;
        }

        return false;
    }
}
