using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases;

/// <summary>
/// <c>contacts import FILE.csv</c>: close and secondary contacts, all or nothing, each bad row
/// refused with its line and reason. A new contact gets the quarantine order of the plan version
/// in force in its region on the day it was identified; re-importing a row updates the contact
/// and keeps its order unless kind, region or identification date changed.
/// </summary>
public static class ImportContacts
{
    public const int MaxRows = 500_000;

    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["密接编号"] = "contact_no",
        ["类别"] = "kind",
        ["来源病例"] = "source_case_no",
        ["来源密接"] = "source_contact_no",
        ["身份证号"] = "id_number",
        ["证件号码"] = "id_number",
        ["姓名"] = "name",
        ["区划代码"] = "region_code",
        ["暴露日期"] = "exposure_on",
        ["判定日期"] = "identified_on",
        ["解除隔离日期"] = "released_on",
    };

    private static readonly string[] Required = ["contact_no", "kind", "source_case_no", "source_contact_no", "id_number", "name", "region_code", "exposure_on", "identified_on", "released_on"];

    public sealed record Row(
        long Line, string ContactNo, string Kind, string SourceCaseNo, string SourceContactNo, string IdNumber, string Name, string RegionCode,
        string ExposureOn, string IdentifiedOn, string ReleasedOn);

    public sealed record Imported(int Rows, int Added, int Updated, int Unchanged);

    public static Result<List<Row>> Parse(string path)
    {
        var read = CsvFile.Read(path, Aliases, Required);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        return read.Value!.Select(r => new Row(
            r.Line, r.Get("contact_no"), r.Get("kind"), r.Get("source_case_no"), r.Get("source_contact_no"), r.Get("id_number"), r.Get("name"),
            r.Get("region_code"), r.Get("exposure_on"), r.Get("identified_on"), r.Get("released_on"))).ToList();
    }

    public static async Task<Result<Imported>> HandleAsync(FangkongDbContext db, string path, CancellationToken ct = default)
    {
        var parsed = Parse(path);
        return parsed.IsSuccess ? await HandleAsync(db, parsed.Value!, ct) : parsed.Error!;
    }

    // The lookups below pass each list as one parameter (EF.Parameter): expanded into one
    // parameter per value, a file of 40,000 rows exceeds SQLite's limit of 32,766 variables.
    public static async Task<Result<Imported>> HandleAsync(FangkongDbContext db, IReadOnlyList<Row> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxRows)
        {
            return Error.Invalid("file", ErrorText.Of("error.cases.contacts-file-holds-rows", MaxRows));
        }

        var errors = new List<string>();
        var reports = new List<(long Line, Contact.Report Report)>();
        var lineOf = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (report, reason) = Read(row, db.Jurisdiction, db.Clock.GetUtcNow());
            if (reason is not null)
            {
                errors.Add(CasesCsv.Line(row.Line, reason));
                continue;
            }

            if (lineOf.TryGetValue(report!.ContactNo, out var earlier))
            {
                errors.Add(CasesCsv.Line(row.Line, ErrorText.Of("error.cases.contact-no-repeats-line", report.ContactNo, earlier)));
                continue;
            }

            lineOf[report.ContactNo] = row.Line;
            reports.Add((row.Line, report));
        }

        var regions = reports.Select(r => r.Report.RegionCode).Distinct().ToList();
        var known = (await db.Regions.AsNoTracking().Where(r => EF.Parameter(regions).Contains(r.Code)).Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var numbers = reports.Select(r => r.Report.ContactNo).ToList();
        // Taken numbers are read before the visible contacts, so a contact that a concurrent import commits in
        // between is among the visible ones and not refused as another jurisdiction's (as in ImportCases).
        var taken = await db.Contacts.BypassJurisdiction(BypassReason.UniqueNumber).Where(c => EF.Parameter(numbers).Contains(c.ContactNo)).Select(c => c.ContactNo).ToListAsync(ct);
        var existing = await db.Contacts.Where(c => EF.Parameter(numbers).Contains(c.ContactNo)).ToDictionaryAsync(c => c.ContactNo, StringComparer.Ordinal, ct);
        var hidden = taken.Where(n => !existing.ContainsKey(n)).ToHashSet(StringComparer.Ordinal);
        var caseNos = reports.Select(r => r.Report.SourceCaseNo).OfType<string>().Distinct().ToList();
        var cases = (await db.Cases.AsNoTracking().Where(c => EF.Parameter(caseNos).Contains(c.CaseNo)).Select(c => c.CaseNo).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var sourceContacts = reports.Select(r => r.Report.SourceContactNo).OfType<string>().Distinct().ToList();
        var storedKinds = await db.Contacts.AsNoTracking().Where(c => EF.Parameter(sourceContacts).Contains(c.ContactNo)).ToDictionaryAsync(c => c.ContactNo, c => c.Kind, StringComparer.Ordinal, ct);
        var fileKinds = reports.ToDictionary(r => r.Report.ContactNo, r => r.Report.Kind, StringComparer.Ordinal);
        var policies = await db.PolicyVersions.AsNoTracking().ToListAsync(ct);

        int updated = 0, unchanged = 0;
        var added = new List<Contact>();
        foreach (var (line, report) in reports)
        {
            var reason = Check(report, known, hidden, cases, fileKinds, storedKinds);
            var policy = reason is null ? PolicyVersions.InForce(policies, report.RegionCode, report.IdentifiedOn) : null;
            if (reason is null && policy is null)
            {
                reason = ErrorText.Of("error.cases.no-policy-version-force-2", report.IdentifiedOn, report.RegionCode);
            }

            if (reason is not null)
            {
                errors.Add(CasesCsv.Line(line, reason));
                continue;
            }

            if (existing.TryGetValue(report.ContactNo, out var stored))
            {
                var changed = stored.Update(report, policy!);
                if (!changed.IsSuccess)
                {
                    errors.Add(CasesCsv.Line(line, changed.Error!.Message));
                    continue;
                }

                _ = changed.Value ? updated++ : unchanged++;
                continue;
            }

            var created = Contact.Create(report, policy!);
            if (!created.IsSuccess)
            {
                errors.Add(CasesCsv.Line(line, created.Error!.Message));
                continue;
            }

            added.Add(created.Value!);
        }

        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return CasesCsv.Refused("file", "密接名单", errors);
        }

        // Changed contacts through the change tracker (audited each), new ones in bulk with one audit
        // line; one transaction, the caller's when it has one (an investigator's confirmation saves
        // the candidate's decision with the contact).
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (own)
        {
            await db.SaveChangesAsync(ct);
            if (added.Count > 0)
            {
                await ContactInserter.InsertAsync(db, added, ct);
                await db.AuditBulkAsync(Auditing.AuditActions.Import, nameof(Contact), string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{added.Count} contacts added ({added[0].ContactNo} … {added[^1].ContactNo}), {updated} updated, {unchanged} unchanged"), ct);
            }

            if (own is not null)
            {
                await own.CommitAsync(ct);
            }
        }

        return new Imported(rows.Count, added.Count, updated, unchanged);
    }

    private static string? Check(
        Contact.Report report, HashSet<string> known, HashSet<string> hidden, HashSet<string> cases,
        Dictionary<string, ContactKind> fileKinds, Dictionary<string, ContactKind> storedKinds)
    {
        if (!known.Contains(report.RegionCode))
        {
            return ErrorText.Of("error.cases.unknown-region", report.RegionCode);
        }

        if (hidden.Contains(report.ContactNo))
        {
            return Access.OutsideRecords.Refused("密接编号", "contact_no", report.ContactNo);
        }

        if (report.SourceCaseNo is { } caseNo && !cases.Contains(caseNo))
        {
            return Access.OutsideRecords.NotFound("来源病例", "source_case_no", caseNo);
        }

        if (report.SourceContactNo is { } contactNo)
        {
            if (!fileKinds.TryGetValue(contactNo, out var kind) && !storedKinds.TryGetValue(contactNo, out kind))
            {
                return Access.OutsideRecords.NotFound("来源密接", "source_contact_no", contactNo);
            }

            if (kind != ContactKind.Close)
            {
                return ErrorText.Of("error.cases.source-contact-no-not-close", contactNo);
            }
        }

        return null;
    }

    private static (Contact.Report? Report, string? Reason) Read(Row row, Access.Jurisdiction jurisdiction, DateTimeOffset now)
    {
        if (row.ContactNo.Length == 0)
        {
            return (null, ErrorText.Of("error.cases.contact-no-missing"));
        }

        if (!CasesCsv.TryParseKind(row.Kind, out var kind))
        {
            return (null, ErrorText.Of("error.cases.contact-kind-not-kind", row.Kind));
        }

        if (CasesCsv.CountyOrBelow(row.RegionCode) is not { } region)
        {
            return (null, ErrorText.Of("error.cases.region-code-code-county-below", row.RegionCode));
        }

        if (!jurisdiction.Covers(region))
        {
            return (null, ErrorText.Of("error.cases.region-outside-jurisdiction-2", region));
        }

        if (!CasesCsv.TryParseOptionalDate(row.ExposureOn, out var exposure))
        {
            return (null, ErrorText.Of("error.cases.exposure-not-date", row.ExposureOn));
        }

        if (!CasesCsv.TryParseDate(row.IdentifiedOn, out var identified))
        {
            return (null, ErrorText.Of("error.cases.identified-not-date", row.IdentifiedOn));
        }

        if (((exposure is { } exposed ? PlausibleDates.CheckHappened("exposure_on", exposed, now) : null) ?? PlausibleDates.CheckHappened("identified_on", identified, now)) is { } implausible)
        {
            return (null, implausible.Message);
        }

        if (!CasesCsv.TryParseOptionalDate(row.ReleasedOn, out var released))
        {
            return (null, ErrorText.Of("error.cases.released-not-date", row.ReleasedOn));
        }

        return (new Contact.Report(
            row.ContactNo, kind, CasesCsv.Optional(row.SourceCaseNo), CasesCsv.Optional(row.SourceContactNo), row.IdNumber.ToUpperInvariant(),
            row.Name, region, exposure, identified, released), null);
    }
}
