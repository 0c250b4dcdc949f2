using System.Text;
using Fangkong.Common;
using Fangkong.Data;

namespace Fangkong.Persons;

/// <summary>
/// <c>persons import FILE.csv [--skip-invalid]</c>: validates the whole file first (a streaming
/// pass), refuses it with every bad line (the first <see cref="ReportedErrors"/> listed) and writes
/// nothing if any row is bad, unless told to skip bad rows; then loads the good rows in bulk
/// (a second streaming pass) with <see cref="PersonBulkLoader"/>.
/// </summary>
public static class ImportPersons
{
    public const int ReportedErrors = 50;

    public sealed record Command(string FilePath, bool SkipInvalid = false);

    /// <summary>Result of the validation pass: counts, the first errors and how many there are in all.</summary>
    public sealed record Validation(long Rows, long InvalidRows, IReadOnlyList<ImportError> Errors, long ErrorCount)
    {
        /// <summary>Lines of the rows that failed (all of them, to skip in the load pass).</summary>
        internal IReadOnlySet<long> InvalidLines { get; init; } = new HashSet<long>();

        public bool IsValid => ErrorCount == 0;
    }

    /// <summary>What an import did. <see cref="Skipped"/> lists the first skipped rows' errors when bad rows were skipped.</summary>
    public sealed record Report(long RowsRead, long SkippedRows, IReadOnlyList<ImportError> Skipped, long SkippedErrorCount, BulkLoadSummary Load, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;
    }

    public enum Phase
    {
        Validating,
        Loading,
    }

    /// <summary>Progress: the phase, rows done, and the rows to load once known.</summary>
    public readonly record struct Progress(Phase Phase, long Rows, long? Total);

    public static async Task<Result<Report>> HandleAsync(FangkongDbContext db, Command command, IProgress<Progress>? progress = null, CancellationToken ct = default)
    {
        var started = db.Clock.GetTimestamp();
        var regions = await KnownRegions.LoadAsync(db, ct);
        var checkedFile = await ValidateAsync(db, command.FilePath, regions, progress, ct);
        if (!checkedFile.IsSuccess)
        {
            return checkedFile.Error!;
        }

        var validation = checkedFile.Value!;
        if (!validation.IsValid && !command.SkipInvalid)
        {
            return Error.Invalid("file", Describe(validation));
        }

        var toLoad = validation.Rows - validation.InvalidRows;
        var loadProgress = progress is null ? null : new Progress<long>(n => progress.Report(new Progress(Phase.Loading, n, toLoad)));
        var summary = await PersonBulkLoader.LoadAsync(db, GoodRows(db, command.FilePath, regions, validation.InvalidLines), loadProgress, ct);
        return new Report(validation.Rows, validation.InvalidRows, validation.Errors, validation.ErrorCount, summary, db.Clock.GetElapsedTime(started));
    }

    /// <summary>The validation pass alone (a dry run): reads and checks every row, writes nothing.</summary>
    public static async Task<Result<Validation>> ValidateAsync(FangkongDbContext db, string path, IProgress<Progress>? progress = null, CancellationToken ct = default) =>
        await ValidateAsync(db, path, await KnownRegions.LoadAsync(db, ct), progress, ct);

    private static Task<Result<Validation>> ValidateAsync(FangkongDbContext db, string path, KnownRegions regions, IProgress<Progress>? progress, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return Task.FromResult<Result<Validation>>(Error.Invalid("file", $"文件不存在 (file not found: {path})"));
        }

        try
        {
            using var reader = PersonCsvReader.Open(path);
            if (reader.HeaderErrors.Count > 0)
            {
                var header = new Validation(0, 0, reader.HeaderErrors, reader.HeaderErrors.Count);
                return Task.FromResult<Result<Validation>>(Error.Invalid("file", Describe(header)));
            }

            var validator = new PersonRowValidator(regions.Contains, db.Jurisdiction);
            var errors = new List<ImportError>();
            var reported = new List<ImportError>(ReportedErrors);
            var invalid = new HashSet<long>();
            long rows = 0;
            long errorCount = 0;
            foreach (var record in reader.ReadRecords())
            {
                ct.ThrowIfCancellationRequested();
                errors.Clear();
                if (validator.Validate(record, errors) is null)
                {
                    invalid.Add(record.Line);
                    errorCount += errors.Count;
                    reported.AddRange(errors.Take(ReportedErrors - reported.Count));
                }

                if (++rows % PersonBulkLoader.ProgressInterval == 0)
                {
                    progress?.Report(new Progress(Phase.Validating, rows, null));
                }
            }

            progress?.Report(new Progress(Phase.Validating, rows, null));
            return Task.FromResult<Result<Validation>>(new Validation(rows, invalid.Count, reported, errorCount) { InvalidLines = invalid });
        }
        catch (FormatException e)
        {
            return Task.FromResult<Result<Validation>>(Error.Invalid("file", e.Message));
        }
    }

    /// <summary>The load pass: reads the file again and yields the rows the validation pass accepted.</summary>
    private static IEnumerable<PersonRow> GoodRows(FangkongDbContext db, string path, KnownRegions regions, IReadOnlySet<long> invalidLines)
    {
        using var reader = PersonCsvReader.Open(path);
        var validator = new PersonRowValidator(regions.Contains, db.Jurisdiction);
        var errors = new List<ImportError>();
        foreach (var record in reader.ReadRecords())
        {
            if (invalidLines.Contains(record.Line))
            {
                continue;
            }

            // A row that passed the first pass and fails now means the file changed under us:
            // abort, and the load's transaction leaves nothing behind.
            yield return validator.Validate(record, errors)
                ?? throw new InvalidOperationException($"文件在导入过程中被修改 (the file changed during the import: line {record.Line} {errors[0]}).");
        }
    }

    private static string Describe(Validation validation)
    {
        var text = new StringBuilder();
        text.Append($"文件有 {validation.ErrorCount} 处错误（{validation.InvalidRows} 行），未导入任何数据 (the file has {validation.ErrorCount} error(s) in {validation.InvalidRows} row(s); nothing was imported):");
        foreach (var error in validation.Errors)
        {
            text.Append('\n').Append(error);
        }

        if (validation.ErrorCount > validation.Errors.Count)
        {
            text.Append($"\n… 另有 {validation.ErrorCount - validation.Errors.Count} 处错误 (and {validation.ErrorCount - validation.Errors.Count} more)");
        }

        return text.ToString();
    }
}
