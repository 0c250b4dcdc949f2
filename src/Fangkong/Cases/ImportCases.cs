using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases;

/// <summary>
/// <c>cases import FILE.csv</c>: a line list (病例一览表), all or nothing. Each bad row is refused
/// with its line and reason and nothing is written; a row whose case_no is already stored updates
/// that case, so importing the same file again changes nothing.
/// </summary>
public static class ImportCases
{
    public const int MaxRows = 200_000;

    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["病例编号"] = "case_no",
        ["姓名"] = "name",
        ["身份证号"] = "id_number",
        ["证件号码"] = "id_number",
        ["现住址区划"] = "region_code",
        ["区划代码"] = "region_code",
        ["类型"] = "type",
        ["临床分型"] = "severity",
        ["报告日期"] = "reported_on",
        ["转自"] = "converted_from",
        ["来源"] = "source",
        ["转归"] = "outcome",
        ["转归日期"] = "outcome_on",
    };

    private static readonly string[] Required = ["case_no", "name", "id_number", "region_code", "type", "severity", "reported_on", "converted_from", "outcome", "outcome_on"];

    /// <summary>One row of the line list, as written.</summary>
    public sealed record Row(
        long Line, string CaseNo, string Name, string IdNumber, string RegionCode, string Type, string Severity,
        string ReportedOn, string ConvertedFrom, string Outcome, string OutcomeOn, string Source = "");

    public sealed record Imported(int Rows, int Added, int Updated, int Unchanged);

    public static Result<List<Row>> Parse(string path)
    {
        var read = CsvFile.Read(path, Aliases, Required);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        return read.Value!.Select(r => new Row(
            r.Line, r.Get("case_no"), r.Get("name"), r.Get("id_number"), r.Get("region_code"), r.Get("type"), r.Get("severity"),
            r.Get("reported_on"), r.Get("converted_from"), r.Get("outcome"), r.Get("outcome_on"), r.Get("source"))).ToList();
    }

    public static async Task<Result<Imported>> HandleAsync(FangkongDbContext db, TimeProvider time, string path, CancellationToken ct = default)
    {
        var parsed = Parse(path);
        return parsed.IsSuccess ? await HandleAsync(db, time, parsed.Value!, ct) : parsed.Error!;
    }

    // The lookups below pass each list as one parameter (EF.Parameter): expanded into one
    // parameter per value, a file of 40,000 rows exceeds SQLite's limit of 32,766 variables.
    // The new cases are published (CasesReported) before the save: social-level zero classifies them
    // in the same transaction.
    public static async Task<Result<Imported>> HandleAsync(FangkongDbContext db, TimeProvider time, IReadOnlyList<Row> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxRows)
        {
            return Error.Invalid("file", ErrorText.Of("error.cases.line-list-holds-rows", MaxRows));
        }

        var today = ChinaTime.Today(time);
        var errors = new List<string>();
        var reports = new List<(Row Row, Case.Report Report, CaseOutcome? Outcome, DateOnly? OutcomeOn)>();
        var lineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (report, outcome, outcomeOn, reason) = Read(row, db.Jurisdiction, db.Clock.GetUtcNow());
            if (reason is not null)
            {
                errors.Add(CasesCsv.Line(row.Line, reason));
                continue;
            }

            if (lineOf.TryGetValue(report!.CaseNo, out var earlier))
            {
                errors.Add(CasesCsv.Line(row.Line, ErrorText.Of("error.cases.case-no-repeats-line", report.CaseNo, earlier)));
                continue;
            }

            lineOf[report.CaseNo] = row.Line;
            reports.Add((row, report, outcome, outcomeOn));
        }

        var regions = reports.Select(r => r.Report.RegionCode).Distinct().ToList();
        var known = (await db.Regions.AsNoTracking().Where(r => EF.Parameter(regions).Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var caseNos = reports.Select(r => r.Report.CaseNo).ToList();
        // A number held by a case outside the importer's jurisdiction cannot be reused or updated from here. All
        // numbers are read before the visible cases: a case that a concurrent import commits in between is then
        // among the visible ones, not taken for a hidden one (it was refused as "cannot be used" the other way round).
        var taken = await db.Cases.BypassJurisdiction(BypassReason.UniqueNumber).Where(c => EF.Parameter(caseNos).Contains(c.CaseNo)).Select(c => c.CaseNo).ToListAsync(ct);
        var existing = await db.Cases.Include(c => c.SeverityHistory).Where(c => EF.Parameter(caseNos).Contains(c.CaseNo)).ToDictionaryAsync(c => c.CaseNo, StringComparer.Ordinal, ct);
        var hidden = taken.Where(n => !existing.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);
        var sources = reports.Where(r => r.Report.ConvertedFromCaseNo is not null).Select(r => r.Report.ConvertedFromCaseNo!).Distinct().ToList();
        var storedTypes = await db.Cases.AsNoTracking().Where(c => EF.Parameter(sources).Contains(c.CaseNo)).ToDictionaryAsync(c => c.CaseNo, c => c.Type, StringComparer.Ordinal, ct);
        var storedConversions = await db.Cases.AsNoTracking().Where(c => c.ConvertedFromCaseNo != null && EF.Parameter(sources).Contains(c.ConvertedFromCaseNo))
            .Select(c => new { c.CaseNo, From = c.ConvertedFromCaseNo! }).ToListAsync(ct);
        var fileTypes = reports.ToDictionary(r => r.Report.CaseNo, r => r.Report.Type, StringComparer.Ordinal);
        var convertedBy = new Dictionary<string, (string CaseNo, long? Line)>(StringComparer.Ordinal);
        foreach (var c in storedConversions.Where(c => !lineOf.ContainsKey(c.CaseNo)))
        {
            convertedBy[c.From] = (c.CaseNo, null);
        }

        var idNumbers = reports.Select(r => r.Report.IdNumber).Where(n => n.Length > 0).Distinct().ToList();
        var persons = await db.Persons.AsNoTracking().Where(p => EF.Parameter(idNumbers).Contains(p.DocumentNumber)).Select(p => new { p.Id, p.DocumentNumber })
            .ToListAsync(ct);
        var personByNumber = persons.GroupBy(p => p.DocumentNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        int added = 0, updated = 0, unchanged = 0;
        var newCases = new List<Case>();
        foreach (var (row, read, outcome, outcomeOn) in reports)
        {
            var report = read with { PersonId = personByNumber.TryGetValue(read.IdNumber, out var personId) ? personId : null };
            if (!known.Contains(report.RegionCode))
            {
                errors.Add(CasesCsv.Line(row.Line, ErrorText.Of("error.cases.unknown-region", report.RegionCode)));
                continue;
            }

            if (hidden.Contains(report.CaseNo))
            {
                errors.Add(CasesCsv.Line(row.Line, Access.OutsideRecords.Refused("病例编号", "case_no", report.CaseNo)));
                continue;
            }

            if (report.ConvertedFromCaseNo is { } from && ConversionProblem(from, report.CaseNo, row.Line, fileTypes, storedTypes, convertedBy) is { } problem)
            {
                errors.Add(CasesCsv.Line(row.Line, problem));
                continue;
            }

            Result<bool> applied;
            if (existing.TryGetValue(report.CaseNo, out var stored))
            {
                applied = stored.Update(report, today);
                if (applied.IsSuccess)
                {
                    var outcomeChanged = stored.SetOutcome(outcome, outcomeOn);
                    applied = outcomeChanged.IsSuccess ? applied.Value || outcomeChanged.Value : outcomeChanged;
                }

                if (applied.IsSuccess)
                {
                    _ = applied.Value ? updated++ : unchanged++;
                }
            }
            else
            {
                var created = Case.Create(report);
                applied = created.IsSuccess ? created.Value!.SetOutcome(outcome, outcomeOn) : Result<bool>.Fail(created.Error!);
                if (applied.IsSuccess)
                {
                    db.Cases.Add(created.Value!);
                    newCases.Add(created.Value!);
                    added++;
                }
            }

            if (!applied.IsSuccess)
            {
                errors.Add(CasesCsv.Line(row.Line, applied.Error!.Message));
            }
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return CasesCsv.Refused("file", "病例一览表", errors);
        }

        await db.PublishAsync(new CasesReported(newCases), ct);
        await db.SaveChangesAsync(ct);
        return new Imported(rows.Count, added, updated, unchanged);
    }

    private static (Case.Report? Report, CaseOutcome? Outcome, DateOnly? OutcomeOn, string? Reason) Read(Row row, Access.Jurisdiction jurisdiction, DateTimeOffset now)
    {
        if (row.CaseNo.Length == 0)
        {
            return (null, null, null, ErrorText.Of("error.cases.case-no-missing"));
        }

        if (!CasesCsv.TryParseType(row.Type, out var type))
        {
            return (null, null, null, ErrorText.Of("error.cases.case-type-not-kind", row.Type));
        }

        if (!CasesCsv.TryParseSeverity(row.Severity, out var severity))
        {
            return (null, null, null, ErrorText.Of("error.cases.severity-mild-moderate-severe-critical", row.Severity));
        }

        if (type == CaseType.Confirmed && severity is null)
        {
            return (null, null, null, ErrorText.Of("error.cases.confirmed-case-needs-severity-2"));
        }

        if (!CasesCsv.TryParseDate(row.ReportedOn, out var reportedOn))
        {
            return (null, null, null, ErrorText.Of("error.cases.reported-not-date", row.ReportedOn));
        }

        if (PlausibleDates.CheckHappened("reported_on", reportedOn, now) is { } implausible)
        {
            return (null, null, null, implausible.Message);
        }

        if (CasesCsv.CountyOrBelow(row.RegionCode) is not { } region)
        {
            return (null, null, null, ErrorText.Of("error.cases.region-code-code-county-below", row.RegionCode));
        }

        if (!jurisdiction.Covers(region))
        {
            return (null, null, null, ErrorText.Of("error.cases.region-outside-jurisdiction-2", region));
        }

        if (!CasesCsv.TryParseOutcome(row.Outcome, out var outcome))
        {
            return (null, null, null, ErrorText.Of("error.cases.outcome-discharged-released-died", row.Outcome));
        }

        if (!CasesCsv.TryParseOptionalDate(row.OutcomeOn, out var outcomeOn))
        {
            return (null, null, null, ErrorText.Of("error.cases.outcome-not-date", row.OutcomeOn));
        }

        var source = CaseSource.LineList;
        if (row.Source.Length > 0 && !EnumText.TryParse(row.Source, out source))
        {
            return (null, null, null, $"来源「{row.Source}」无效，可选 {string.Join(", ", Enum.GetNames<CaseSource>())} (source '{row.Source}' is not valid)");
        }

        var report = new Case.Report(row.CaseNo, row.Name, row.IdNumber.ToUpperInvariant(), region, type, severity, reportedOn, source, CasesCsv.Optional(row.ConvertedFrom), null);
        return (report, outcome, outcomeOn, null);
    }

    private static string? ConversionProblem(
        string from, string caseNo, long line, Dictionary<string, CaseType> fileTypes, Dictionary<string, CaseType> storedTypes,
        Dictionary<string, (string CaseNo, long? Line)> convertedBy)
    {
        if (!fileTypes.TryGetValue(from, out var type) && !storedTypes.TryGetValue(from, out type))
        {
            return ErrorText.Of("error.cases.converted-from-names-unknown-case", from);
        }

        if (type != CaseType.Asymptomatic)
        {
            return ErrorText.Of("error.cases.converted-from-not-asymptomatic-infection", from);
        }

        if (convertedBy.TryGetValue(from, out var other) && other.CaseNo != caseNo)
        {
            return other.Line is { } l
                ? ErrorText.Of("error.cases.already-converted-line", from, l, other.CaseNo)
                : ErrorText.Of("error.cases.already-converted", from, other.CaseNo);
        }

        convertedBy[from] = (caseNo, line);
        return null;
    }
}
