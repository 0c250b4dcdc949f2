using Fangkong.Common;
using Fangkong.Data;

namespace Fangkong.Persons;

/// <summary>
/// <c>persons import FILE.csv [--skip-invalid]</c>. One streaming pass reads and validates every
/// row and feeds the valid ones to <see cref="PersonBulkLoader"/>, whose transaction is only
/// committed once the whole file has been checked: if any row is bad (and bad rows are not to be
/// skipped) the load is rolled back — on PostgreSQL before the persons table is touched — and the
/// file is refused with every bad line (the first <see cref="ReportedErrors"/> listed). Nothing is
/// written unless the file is valid, yet the file is read only once.
/// </summary>
public static class ImportPersons
{
    public const int ReportedErrors = 50;

    public sealed record Command(string FilePath, bool SkipInvalid = false);

    /// <summary>What validating a file found: rows, bad rows, the first errors and how many there are in all.</summary>
    public sealed record Validation(long Rows, long InvalidRows, IReadOnlyList<ImportError> Errors, long ErrorCount)
    {
        public bool IsValid => ErrorCount == 0;
    }

    /// <summary>What an import did. <see cref="Skipped"/> lists the first errors of the skipped rows.</summary>
    public sealed record Report(long RowsRead, long SkippedRows, IReadOnlyList<ImportError> Skipped, long SkippedErrorCount, BulkLoadSummary Load, TimeSpan Elapsed)
    {
        public double RowsPerSecond => Elapsed.TotalSeconds > 0 ? RowsRead / Elapsed.TotalSeconds : 0;
    }

    /// <summary>Progress: rows read so far, of about <see cref="Total"/> (the file's line count).</summary>
    public readonly record struct Progress(long Rows, long Total);

    public static async Task<Result<Report>> HandleAsync(FangkongDbContext db, Command command, IProgress<Progress>? progress = null, CancellationToken ct = default)
    {
        var started = db.Clock.GetTimestamp();
        if (!File.Exists(command.FilePath))
        {
            return Error.Invalid("file", ErrorText.Of("error.persons.file-not-found", command.FilePath));
        }

        if (CsvEncodings.FirstInvalidUtf8Line(command.FilePath) is { } badLine)
        {
            return CsvEncodings.NotUtf8(badLine);
        }

        var regions = await KnownRegions.LoadAsync(db, ct);
        using var reader = PersonCsvReader.Open(command.FilePath);
        if (reader.HeaderErrors.Count > 0)
        {
            return Error.Invalid("file", Describe(new Validation(0, 0, reader.HeaderErrors, reader.HeaderErrors.Count)));
        }

        var check = new FileCheck(new PersonRowValidator(regions.Contains, db.Jurisdiction));
        var total = Math.Max(0, CountLines(command.FilePath) - 1);
        var loadProgress = progress is null ? null : new RowProgress(progress, total);
        BulkLoadSummary? summary;
        try
        {
            summary = await PersonBulkLoader.LoadAsync(
                db, check.ValidRows(reader, stopOnError: !command.SkipInvalid), loadProgress, () => check.ErrorCount == 0 || command.SkipInvalid, ct);
        }
        catch (FormatException e)
        {
            return Error.Invalid("file", e.Message);
        }

        var validation = check.Result;
        if (summary is null)
        {
            return Error.Invalid("file", Describe(validation));
        }

        var elapsed = db.Clock.GetElapsedTime(started);
        Common.FangkongMetrics.Imported("persons", validation.Rows, elapsed);
        return new Report(validation.Rows, validation.InvalidRows, validation.Errors, validation.ErrorCount, summary, elapsed);
    }

    /// <summary>Validates a file without writing anything (a dry run).</summary>
    public static async Task<Result<Validation>> ValidateAsync(FangkongDbContext db, string path, CancellationToken ct = default)
    {
        if (!File.Exists(path))
        {
            return Error.Invalid("file", ErrorText.Of("error.persons.file-not-found", path));
        }

        if (CsvEncodings.FirstInvalidUtf8Line(path) is { } badLine)
        {
            return CsvEncodings.NotUtf8(badLine);
        }

        var regions = await KnownRegions.LoadAsync(db, ct);
        using var reader = PersonCsvReader.Open(path);
        if (reader.HeaderErrors.Count > 0)
        {
            return new Validation(0, 0, reader.HeaderErrors, reader.HeaderErrors.Count);
        }

        var check = new FileCheck(new PersonRowValidator(regions.Contains, db.Jurisdiction));
        try
        {
            foreach (var _ in check.ValidRows(reader, stopOnError: false))
            {
                ct.ThrowIfCancellationRequested();
            }
        }
        catch (FormatException e)
        {
            return Error.Invalid("file", e.Message);
        }

        return check.Result;
    }

    private static long CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        return lines;
    }

    private static ErrorText Describe(Validation validation)
    {
        object?[] more = validation.ErrorCount > validation.Errors.Count
            ? [ErrorText.Of("error.persons.and-more-errors", validation.ErrorCount - validation.Errors.Count)]
            : [];
        return ErrorText.Of("error.persons.file-errors-nothing-imported", validation.ErrorCount, validation.InvalidRows)
            .WithLines([.. validation.Errors, .. more]);
    }

    /// <summary>Validates records as they stream past and keeps the errors (the first few in full, all counted).</summary>
    private sealed class FileCheck(PersonRowValidator validator)
    {
        private readonly List<ImportError> _reported = new(ReportedErrors);
        private long _rows;
        private long _invalidRows;

        public long ErrorCount { get; private set; }

        public Validation Result => new(_rows, _invalidRows, _reported, ErrorCount);

        /// <summary>The valid rows; with <paramref name="stopOnError"/>, none after the first bad one (the rest is still checked).</summary>
        public IEnumerable<PersonRow> ValidRows(PersonCsvReader reader, bool stopOnError)
        {
            var errors = new List<ImportError>();
            foreach (var record in reader.ReadRecords())
            {
                _rows++;
                errors.Clear();
                var row = validator.Validate(record, errors);
                if (row is null)
                {
                    _invalidRows++;
                    ErrorCount += errors.Count;
                    _reported.AddRange(errors.Take(ReportedErrors - _reported.Count));
                }
                else if (!stopOnError || ErrorCount == 0)
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>Forwards the loader's row counts on the same thread (Progress&lt;T&gt; would post them to the thread pool, out of order).</summary>
    private sealed class RowProgress(IProgress<Progress> progress, long total) : IProgress<long>
    {
        public void Report(long value) => progress.Report(new Progress(value, total));
    }
}
