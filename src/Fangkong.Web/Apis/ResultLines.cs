using System.Globalization;
using Fangkong.Testing;
using Fangkong.Common;

namespace Fangkong.Web.Apis;

/// <summary>
/// Parses the lines a lab pastes on the upload page, <c>tube_barcode,result,ct_n,ct_orf</c>, one
/// tube a line (Ct values may be empty; a header line and blank lines are skipped), numbering each
/// row by its line so that every refusal names the line.
/// </summary>
public static class ResultLines
{
    public const string Header = "tube_barcode,result,ct_n,ct_orf";

    public sealed record Parsed(IReadOnlyList<RecordResults.Row> Rows, IReadOnlyList<RecordResults.Refusal> Errors);

    public static Parsed Parse(string? text, string lab)
    {
        var rows = new List<RecordResults.Row>();
        var errors = new List<RecordResults.Refusal>();
        var lines = (text ?? string.Empty).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var number = i + 1;
            if (line.Length == 0 || line.StartsWith("tube_barcode", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length is < 2 or > 4)
            {
                errors.Add(new RecordResults.Refusal(number, ErrorText.Of("error.web.expected-columns-found", Header, fields.Length)));
                continue;
            }

            var ctN = Ct(fields, 2, number, errors);
            var ctOrf = Ct(fields, 3, number, errors);
            rows.Add(new RecordResults.Row(number, fields[0].Trim(), fields[1].Trim(), ctN, ctOrf, null, lab));
        }

        return new Parsed(rows, errors);
    }

    private static double? Ct(string[] fields, int index, int line, List<RecordResults.Refusal> errors)
    {
        var text = index < fields.Length ? fields[index].Trim() : string.Empty;
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(new RecordResults.Refusal(line, ErrorText.Of("error.web.ct-value-not-number", text)));
        return null;
    }
}
