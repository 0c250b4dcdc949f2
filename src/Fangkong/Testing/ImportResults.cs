using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Common.Input;

namespace Fangkong.Testing;

/// <summary>
/// <c>testing import-results FILE.csv</c>: a lab's result file, all or nothing through
/// <see cref="RecordResults"/>, each bad row named by its line in the file.
/// </summary>
public static class ImportResults
{
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["试管条码"] = "tube_barcode",
        ["试管编号"] = "tube_barcode",
        ["结果"] = "result",
        ["检测结果"] = "result",
        ["n基因ct值"] = "ct_n",
        ["orf基因ct值"] = "ct_orf",
        ["报告时间"] = "reported_at",
        ["检测机构"] = "lab",
    };

    public static Result<List<RecordResults.Row>> Parse(string path, DateTimeOffset now)
    {
        var read = CsvFile.Read(path, Aliases, ["tube_barcode", "result", "lab"]);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var rows = new List<RecordResults.Row>();
        var errors = new List<string>();
        foreach (var record in read.Value!)
        {
            DateTimeOffset? reported = null;
            if (record.Get("reported_at") is { Length: > 0 } text)
            {
                if (!TestingCsv.TryParseTime(text, out var at))
                {
                    errors.Add(ErrorText.Of("error.testing.reported-not-date-time", record.Line, text));
                    continue;
                }

                if (PlausibleDates.CheckHappened("reported_at", at, now) is { } implausible)
                {
                    errors.Add(ErrorText.Of("error.common.at-line", record.Line).WithDetail(implausible));
                    continue;
                }

                reported = at;
            }

            if (!TestingCsv.TryParseCt(record.Get("ct_n"), out var ctN) || !TestingCsv.TryParseCt(record.Get("ct_orf"), out var ctOrf))
            {
                errors.Add(ErrorText.Of("error.testing.ct-value-not-number", record.Line));
                continue;
            }

            rows.Add(new RecordResults.Row(record.Line, record.Get("tube_barcode"), record.Get("result"), ctN, ctOrf, reported, record.Get("lab")));
        }

        return errors.Count > 0
            ? Error.Invalid("results", ErrorText.Of("error.testing.nothing-recorded").WithLines(errors.Take(50)))
            : rows;
    }

    public static async Task<Result<RecordResults.Recorded>> HandleAsync(FangkongDbContext db, TimeProvider time, string path, CancellationToken ct = default)
    {
        var parsed = Parse(path, time.GetUtcNow());
        return parsed.IsSuccess ? await RecordResults.HandleAsync(db, time, parsed.Value!, ct) : parsed.Error!;
    }
}
