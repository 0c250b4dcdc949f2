using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Input;

namespace Fangkong.Testing;

/// <summary>
/// Records lab results, one per tube, all or nothing: an unknown tube, a second different result
/// for a tube, an empty tube or a malformed row refuses the whole batch with each bad row's line
/// and reason. The same result sent again changes nothing. Once the results are committed it raises
/// <see cref="ResultsRecorded"/> with the tubes whose members must now be traced; the tracer handles
/// it after the commit (<see cref="TraceRecordedResults"/>) and its report comes back in
/// <see cref="Recorded.Tracing"/>.
/// </summary>
public static class RecordResults
{
    public const int MaxBatch = 10_000;

    /// <summary>
    /// One bound for Ct everywhere (issue 14's domain, 0–50): lab results, stay tests and release
    /// tests all take <see cref="Common.Input.InputNumbers.CtMax"/>. 45 refused real values of
    /// 50-cycle kits while the other inputs took them.
    /// </summary>
    public const double MaxCt = Common.Input.InputNumbers.CtMax;

    /// <summary>One result; <paramref name="Line"/> numbers it in the file or the request for error messages.</summary>
    public sealed record Row(long Line, string TubeBarcode, string Result, [Range(0, MaxCt)] double? CtN, [Range(0, MaxCt)] double? CtOrf, [Happened] DateTimeOffset? ReportedAt, string Lab);

    /// <summary>What was recorded, and what tracing did after the commit (<see cref="Reactions"/>).</summary>
    public sealed record Recorded(int Results, int Unchanged, IReadOnlyList<long> TubesToTrace, IReadOnlyList<Reaction> Reactions)
    {
        /// <summary>What tracing did; all zero when nothing was to trace or tracing failed (<see cref="TracingDeferred"/>).</summary>
        public TracePools.Report Tracing => Reactions.Select(r => r.Outcome).OfType<TracePools.Report>().FirstOrDefault() ?? TracePools.Report.None;

        /// <summary>Tracing failed after the commit: the results stand, <see cref="SweepUntraced"/> traces them later.</summary>
        public bool TracingDeferred => Reactions.Any(r => r.Failed);
    }

    /// <summary>One refused row: its line and why.</summary>
    public sealed record Refusal(long Line, string Reason)
    {
        public override string ToString() => ErrorText.Of("error.common.at-line", Line).WithDetail(Reason).Render();
    }

    /// <summary>
    /// What <see cref="RecordAsync"/> did: the results recorded, or an error with every refused
    /// row (none when the batch as a whole is refused, e.g. for its size).
    /// </summary>
    public sealed record Outcome(Recorded? Recorded, Error? Error, IReadOnlyList<Refusal> Refused);

    /// <summary>How many refused rows an error message lists; <see cref="RecordAsync"/> gives them all.</summary>
    public const int RefusalsInMessage = 50;

    public static async Task<Result<Recorded>> HandleAsync(FangkongDbContext db, TimeProvider time, IReadOnlyList<Row> rows, CancellationToken ct = default)
    {
        var outcome = await RecordAsync(db, time, rows, ct);
        return outcome.Error is { } error ? error : outcome.Recorded!;
    }

    /// <summary>As <see cref="HandleAsync"/>, with every refused row listed for callers that can show them all.</summary>
    public static async Task<Outcome> RecordAsync(FangkongDbContext db, TimeProvider time, IReadOnlyList<Row> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxBatch)
        {
            return new Outcome(null, Error.Invalid("results", ErrorText.Of("error.testing.batch-holds-results", MaxBatch)), []);
        }

        var barcodes = rows.Select(r => r.TubeBarcode?.Trim() ?? string.Empty).Distinct().ToList();

        // The jurisdiction filter applies: a tube outside the lab's region is as unknown as a missing one.
        var tubes = await db.Tubes.Where(t => barcodes.Contains(t.Barcode)).ToDictionaryAsync(t => t.Barcode, StringComparer.Ordinal, ct);
        var nonEmpty = await db.Tubes.Where(t => barcodes.Contains(t.Barcode) && t.SampleCount > 0).Select(t => t.Barcode).ToListAsync(ct);
        var errors = new List<Refusal>();
        var accepted = new Dictionary<string, (Row Row, TestResult Result)>(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var cutOffs = await db.Set<LabCutOff>().AsNoTracking().ToListAsync(ct);

        // A "positive" on one target, or in the grey zone, goes to a re-test, not to case reporting (issue 15, rule 5).
        TestResult Interpret(Tube tube, Row row, TestResult reported) =>
            LabCutOff.InForce(cutOffs, tube.RegionCode, ChinaTime.DayOf(row.ReportedAt ?? now)) is { } cutOff
                ? ResultInterpretation.Interpret(reported, row.CtN, row.CtOrf, cutOff)
                : reported;

        foreach (var row in rows)
        {
            var barcode = row.TubeBarcode?.Trim() ?? string.Empty;
            var reason = Check(row, barcode, tubes, nonEmpty, accepted, Interpret, out var result);
            if (reason is not null)
            {
                errors.Add(new Refusal(row.Line, reason));
                continue;
            }

            accepted[barcode] = (row, result);
        }

        if (errors.Count > 0)
        {
            return new Outcome(null, Error.Invalid("results", RefusalMessage(errors)), errors);
        }

        var changed = new List<Tube>();
        foreach (var (barcode, (row, result)) in accepted)
        {
            var tube = tubes[barcode];
            if (tube.Result == result)
            {
                continue;
            }

            tube.SetResult(result, row.CtN, row.CtOrf, row.Lab.Trim(), row.ReportedAt ?? now, now);
            changed.Add(tube);
        }

        await Tallies.RoundTallyWriter.SaveWithAsync(db, () => Tallies.RoundTallyWriter.ResultsSetAsync(db, changed, ct), ct);
        var toTrace = changed.Where(t => t.Result != TestResult.Negative || t.PoolSize == 1).Select(t => t.Id).ToList();
        IReadOnlyList<Reaction> reactions = toTrace.Count == 0 ? [] : await db.PublishCommittedAsync(new ResultsRecorded(toTrace), time, ct);
        return new Outcome(new Recorded(changed.Count, accepted.Count - changed.Count, toTrace, reactions), null, []);
    }

    /// <summary>The refusal of a whole batch: the count, then the first <see cref="RefusalsInMessage"/> rows.</summary>
    public static ErrorText RefusalMessage(IReadOnlyList<Refusal> refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        var shown = refused.Take(RefusalsInMessage).Select(r => ErrorText.Of("error.common.at-line", r.Line).WithDetail(r.Reason));
        object?[] more = refused.Count > RefusalsInMessage ? [ErrorText.Of("error.cases.and-more", refused.Count - RefusalsInMessage)] : [];
        return ErrorText.Of("error.testing.nothing-recorded-bad-rows", refused.Count).WithLines([.. shown, .. more]);
    }

    private static string? Check(
        Row row, string barcode, Dictionary<string, Tube> tubes, List<string> nonEmpty, Dictionary<string, (Row Row, TestResult Result)> accepted,
        Func<Tube, Row, TestResult, TestResult> interpret, out TestResult result)
    {
        result = default;
        if (!TryParseResult(row.Result, out result))
        {
            return ErrorText.Of("error.testing.result-not-kind", row.Result);
        }

        // NaN compares false with both bounds, so it is named: Ct is a finite number within 0–MaxCt.
        if ((row.CtN is { } n && !(n >= 0 && n <= MaxCt)) || (row.CtOrf is { } orf && !(orf >= 0 && orf <= MaxCt)))
        {
            return ErrorText.Of("error.testing.ct-values-lie-between", MaxCt);
        }

        if (string.IsNullOrWhiteSpace(row.Lab) || row.Lab.Trim().Length > Tube.LabMaxLength)
        {
            return ErrorText.Of("error.testing.lab-characters", Tube.LabMaxLength);
        }

        if (!tubes.TryGetValue(barcode, out var tube))
        {
            return ErrorText.Of("error.testing.unknown-tube", barcode);
        }

        if (!nonEmpty.Contains(barcode))
        {
            return ErrorText.Of("error.testing.tube-holds-no-swab", barcode);
        }

        result = interpret(tube, row, result);

        if (tube.Result is { } existing && existing != result)
        {
            return ErrorText.Of("error.testing.tube-already-different-result", barcode, existing);
        }

        if (accepted.TryGetValue(barcode, out var earlier) && earlier.Result != result)
        {
            return ErrorText.Of("error.testing.tube-different-result-line", barcode, earlier.Row.Line);
        }

        return null;
    }

    /// <summary>negative/positive/invalid/indeterminate, or 阴性/阳性/无效/可疑 as labs write them.</summary>
    public static bool TryParseResult(string? text, out TestResult result)
    {
        switch (text?.Trim())
        {
            case "阴性":
                result = TestResult.Negative;
                return true;
            case "阳性":
                result = TestResult.Positive;
                return true;
            case "无效":
                result = TestResult.Invalid;
                return true;
            case "可疑":
                result = TestResult.Indeterminate;
                return true;
            default:
                return EnumText.TryParse(text?.Trim(), out result);
        }
    }
}
