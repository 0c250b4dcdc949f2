using System.Globalization;
using System.Security.Cryptography;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Common.Input;

namespace Fangkong.Testing;

/// <summary>
/// <c>testing import-samples FILE.csv --round ID</c>: the rows a sampling team's system exports,
/// recorded in chunks through the same checks and bulk writer as the scan API
/// (<see cref="ScanBatch"/>). Each row's client id is the file's content hash and its line, so
/// importing the same file again records nothing twice. Every refused row is reported with its
/// line and reason; the others are recorded. The whole file is read and checked for form before
/// anything is written, so a malformed file writes nothing.
/// </summary>
public static class ImportSamples
{
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["试管条码"] = "tube_barcode",
        ["试管编号"] = "tube_barcode",
        ["身份证号"] = "id_number",
        ["证件号码"] = "id_number",
        ["采样时间"] = "sampled_at",
        ["采样点"] = "sampling_point",
        ["混管规格"] = "pool_size",
    };

    /// <summary>Rows per transaction: large enough for bulk speed, small enough to show progress and bound memory per write.</summary>
    public const int Chunk = 100_000;

    public sealed record Refusal(long Line, string Reason);

    public sealed record Report(int Rows, int Recorded, int AlreadyRecorded, IReadOnlyList<Refusal> Refused);

    /// <summary>Rows decided so far, of the file's rows.</summary>
    public readonly record struct Progress(int Done, int Total);

    public static async Task<Result<Report>> HandleAsync(FangkongDbContext db, long roundId, string path, IProgress<Progress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var round = await RoundAccess.FindAsync(db, roundId, ct);
        if (!round.IsSuccess)
        {
            return round.Error!;
        }

        var read = CsvFile.Read(path, Aliases, ["tube_barcode", "id_number", "sampled_at", "sampling_point"]);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        string fileKey;
        await using (var file = File.OpenRead(path))
        {
            fileKey = Convert.ToHexString(await SHA256.HashDataAsync(file, ct))[..16];
        }

        var refused = new List<Refusal>();
        var scans = new List<(long Line, RecordScans.Scan Scan)>();
        foreach (var record in read.Value!)
        {
            if (!TestingCsv.TryParseTime(record.Get("sampled_at"), out var at))
            {
                refused.Add(new Refusal(record.Line, ErrorText.Of("error.testing.sampled-not-date-time", record.Get("sampled_at"))));
                continue;
            }

            if (PlausibleDates.CheckHappened("sampled_at", at, db.Clock.GetUtcNow()) is { } implausible)
            {
                refused.Add(new Refusal(record.Line, implausible.Message));
                continue;
            }

            int? poolSize = null;
            if (record.Get("pool_size") is { Length: > 0 } size)
            {
                if (!int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k))
                {
                    refused.Add(new Refusal(record.Line, ErrorText.Of("error.testing.pool-size-not-number", size)));
                    continue;
                }

                poolSize = k;
            }

            var clientId = string.Create(CultureInfo.InvariantCulture, $"file:{fileKey}:{record.Line}");
            scans.Add((record.Line, new RecordScans.Scan(clientId, record.Get("tube_barcode"), record.Get("id_number"), at, record.Get("sampling_point"), poolSize)));
        }

        int recorded = 0, already = 0;
        foreach (var chunk in scans.Chunk(Chunk))
        {
            var outcomes = await ScanBatch.RecordAsync(db, round.Value!, chunk.Select(b => b.Scan).ToList(), ct);
            foreach (var (line, outcome) in chunk.Select(b => b.Line).Zip(outcomes))
            {
                switch (outcome.Outcome)
                {
                    case RecordScans.Outcome.Recorded:
                        recorded++;
                        break;
                    case RecordScans.Outcome.AlreadyRecorded:
                        already++;
                        break;
                    default:
                        refused.Add(new Refusal(line, outcome.Reason ?? string.Empty));
                        break;
                }
            }

            progress?.Report(new Progress(recorded + already + refused.Count, read.Value!.Count));
        }

        return new Report(read.Value!.Count, recorded, already, refused.OrderBy(r => r.Line).ToList());
    }
}
