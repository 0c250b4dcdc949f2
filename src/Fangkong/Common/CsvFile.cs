using System.Globalization;

namespace Fangkong.Common;

/// <summary>
/// Reads an import file: a header naming the columns (English names, or the Chinese ones the
/// teams use, through the aliases), then one record per row with its line number.
/// </summary>
internal static class CsvFile
{
    /// <summary>One row: its values by position and the header's column positions, shared by every row (a city's file has millions).</summary>
    public sealed record Record(long Line, string[] Values, IReadOnlyDictionary<string, int> Columns)
    {
        public string Get(string column) => Columns.TryGetValue(column, out var i) && i < Values.Length ? Values[i].Trim() : string.Empty;
    }

    /// <summary>Reads the file; a missing required column or an unreadable file is one error.</summary>
    public static Result<List<Record>> Read(string path, IReadOnlyDictionary<string, string> aliases, IReadOnlyCollection<string> required)
    {
        if (!File.Exists(path))
        {
            return Error.Invalid("file", ErrorText.Of("error.persons.file-not-found", path));
        }

        if (CsvEncodings.FirstInvalidUtf8Line(path) is { } badLine)
        {
            return CsvEncodings.NotUtf8(badLine);
        }

        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var tokenizer = new CsvTokenizer(reader);
        var fields = new List<string>();
        if (!tokenizer.TryRead(fields))
        {
            return Error.Invalid("file", ErrorText.Of("error.common.file-empty"));
        }

        var header = fields.Select(f => aliases.TryGetValue(f.Trim().TrimStart('\uFEFF').ToLowerInvariant(), out var name) ? name : f.Trim().ToLowerInvariant()).ToList();
        var missing = required.Where(r => !header.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid("file", ErrorText.Of("error.common.line-lacks-columns").WithDetail(string.Join(", ", missing)));
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = header.Count - 1; i >= 0; i--)
        {
            columns[header[i]] = i;
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

                records.Add(new Record(tokenizer.RecordLine, fields.ToArray(), columns));
            }
        }
        catch (FormatException e)
        {
            return Error.Invalid("file", ErrorText.Of("error.common.at-line", tokenizer.RecordLine).WithDetail(e.Message));
        }

        return records;
    }
}
