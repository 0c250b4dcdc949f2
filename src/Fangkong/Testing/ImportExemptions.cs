using Fangkong.Common;
using Fangkong.Data;

namespace Fangkong.Testing;

/// <summary>
/// Exemptions from a CSV file (<c>id_number,reason,note</c>, or 身份证号, 原因, 备注) for
/// <c>fangkong testing exempt</c>: each row exempted, already exempted or refused with its line.
/// </summary>
public static class ImportExemptions
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["身份证号"] = "id_number",
        ["身份证号码"] = "id_number",
        ["原因"] = "reason",
        ["备注"] = "note",
    };

    public sealed record Refusal(long Line, string Reason);

    public sealed record Report(int Rows, int Exempted, int AlreadyExempted, IReadOnlyList<Refusal> Refused);

    public static async Task<Result<Report>> HandleAsync(FangkongDbContext db, TimeProvider time, long roundId, string path, CancellationToken ct = default)
    {
        var read = CsvFile.Read(path, Aliases, ["id_number", "reason"]);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var records = read.Value!;
        if (records.Count == 0)
        {
            return Error.Invalid("file", ErrorText.Of("error.testing.file-no-rows"));
        }

        var exempted = 0;
        var already = 0;
        var refused = new List<Refusal>();
        foreach (var chunk in records.Chunk(ExemptPeople.MaxBatch))
        {
            var items = chunk.Select(r => new ExemptPeople.Item(r.Get("id_number"), r.Get("reason"), r.Get("note"))).ToList();
            var done = await ExemptPeople.HandleAsync(db, time, roundId, items, ct);
            if (!done.IsSuccess)
            {
                return done.Error!;
            }

            foreach (var result in done.Value!)
            {
                switch (result.Outcome)
                {
                    case ExemptPeople.Outcome.Exempted:
                        exempted++;
                        break;
                    case ExemptPeople.Outcome.AlreadyExempted:
                        already++;
                        break;
                    default:
                        refused.Add(new Refusal(chunk[result.Index].Line, result.Reason!));
                        break;
                }
            }
        }

        return new Report(records.Count, exempted, already, refused);
    }
}
