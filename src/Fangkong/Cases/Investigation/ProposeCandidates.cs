using Fangkong.Common;
using System.Globalization;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>Settings of the candidate search (configuration section <c>Investigation</c>).</summary>
public sealed record CandidateSettings
{
    public static CandidateSettings Default { get; } = new();

    /// <summary>Two scans at the same place at most this far apart count as an overlap (±).</summary>
    public TimeSpan CheckInOverlap { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A building unit or a place can hold many people: at most this many are read per source.</summary>
    public int MaxPerSource { get; init; } = 500;
}

/// <summary>
/// Reads the sources again and stores what they propose for one case's investigation: the
/// household (same household number, or same room of the same unit), the rest of the building
/// unit, the other swabs of each tube the case was sampled in within the look-back window, and
/// people who scanned the same place within <see cref="CandidateSettings.CheckInOverlap"/> of one
/// of the case's own scans in the window. One candidate per identity number with every reason;
/// never the case himself nor anyone already recorded as a contact of the case. Decided
/// candidates are left as decided; proposals no source supports any more are withdrawn.
/// </summary>
public static class ProposeCandidates
{
    private const string Unregistered = "未登记人员";

    private sealed class Finding(string idNumber)
    {
        public string IdNumber { get; } = idNumber;

        public long? PersonId { get; set; }

        public string? Name { get; set; }

        public string? RegionCode { get; set; }

        public HashSet<CandidateReason> Reasons { get; } = [];

        public List<string> Details { get; } = [];

        public DateOnly? LastExposureOn { get; set; }

        /// <summary>For a secondary-contact finding: the confirmed close contact it lives with.</summary>
        public string? SourceContactNo { get; set; }

        public void Add(CandidateReason reason, string detail, DateOnly exposedOn)
        {
            Reasons.Add(reason);
            Details.Add(detail);
            LastExposureOn = LastExposureOn is { } last && last > exposedOn ? last : exposedOn;
        }
    }

    public static async Task HandleAsync(
        FangkongDbContext db, CaseInvestigation investigation, Case c, CandidateSettings settings, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(investigation);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(settings);
        var (from, to) = LookBack.For(investigation, c);
        var findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        Finding For(string idNumber) => findings.TryGetValue(idNumber, out var f) ? f : findings[idNumber] = new Finding(idNumber);

        var person = c.PersonId is { } pid
            ? await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)
            : c.IdNumber.Length > 0 ? await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.DocumentNumber == c.IdNumber, ct) : null;
        var caseIdNumber = c.IdNumber.Length > 0 ? c.IdNumber : person?.DocumentNumber ?? string.Empty;

        if (person is not null)
        {
            await FromResidenceAsync(db, person, c, settings, For, ct);
        }

        if (caseIdNumber.Length > 0)
        {
            await FromTubesAsync(db, caseIdNumber, person?.Id, from, to, settings, For, ct);
            await FromCheckInsAsync(db, caseIdNumber, from, to, settings, For, ct);
        }

        // Never the case, nor someone already a contact of the case.
        findings.Remove(caseIdNumber);
        var recorded = await db.Contacts.AsNoTracking().Where(x => x.SourceCaseNo == c.CaseNo).Select(x => x.IdNumber).ToListAsync(ct);
        foreach (var idNumber in recorded)
        {
            findings.Remove(idNumber);
        }

        await NameTheUnnamedAsync(db, findings.Values.Where(f => f.Name is null).ToList(), ct);

        var stored = await db.ContactCandidates.Where(x => x.InvestigationId == investigation.Id).ToDictionaryAsync(x => x.IdNumber, StringComparer.Ordinal, ct);
        await SecondaryAsync(db, c, caseIdNumber, stored.Values, recorded, findings, settings, ct);
        foreach (var finding in findings.Values)
        {
            if (!stored.TryGetValue(finding.IdNumber, out var candidate))
            {
                candidate = new ContactCandidate(
                    investigation, finding.PersonId, finding.IdNumber, (finding.Name ?? Unregistered).Truncate(Case.NameMaxLength), finding.RegionCode ?? c.RegionCode, now,
                    finding.SourceContactNo);
                db.ContactCandidates.Add(candidate);
            }

            candidate.SetFindings(finding.Reasons, finding.Details, finding.LastExposureOn, finding.SourceContactNo);
        }

        foreach (var withdrawn in stored.Values.Where(s => s.Status == CandidateStatus.Proposed && !findings.ContainsKey(s.IdNumber)))
        {
            db.ContactCandidates.Remove(withdrawn);
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task FromResidenceAsync(
        FangkongDbContext db, Person person, Case c, CandidateSettings settings, Func<string, Finding> add, CancellationToken ct)
    {
        // People living with the case were exposed until the case was isolated (the report day).
        var until = c.ReportedOn;
        if (!string.IsNullOrEmpty(person.HouseholdNo) || (person.BuildingUnitId is not null && !string.IsNullOrEmpty(person.Room)))
        {
            var householdNo = person.HouseholdNo;
            var unitId = person.BuildingUnitId;
            var room = person.Room;
            var household = await db.Persons.AsNoTracking()
                .Where(p => p.Id != person.Id
                    && ((householdNo != null && p.HouseholdNo == householdNo) || (unitId != null && room != null && p.BuildingUnitId == unitId && p.Room == room)))
                .OrderBy(p => p.Id).Take(settings.MaxPerSource).ToListAsync(ct);
            foreach (var member in household)
            {
                var detail = householdNo is not null && member.HouseholdNo == householdNo
                    ? $"同户：户号 {householdNo} (household {householdNo})"
                    : $"同室：{room} 室 (room {room})";
                Note(add(member.DocumentNumber), member).Add(CandidateReason.Household, detail, until);
            }
        }

        if (person.BuildingUnitId is { } unit)
        {
            var unitName = await db.BuildingUnits.AsNoTracking().Where(u => u.Id == unit).Select(u => u.Name).FirstOrDefaultAsync(ct) ?? unit.ToString(CultureInfo.InvariantCulture);
            var neighbours = await db.Persons.AsNoTracking().Where(p => p.BuildingUnitId == unit && p.Id != person.Id)
                .OrderBy(p => p.Id).Take(settings.MaxPerSource).ToListAsync(ct);
            foreach (var neighbour in neighbours)
            {
                Note(add(neighbour.DocumentNumber), neighbour).Add(CandidateReason.BuildingUnit, $"同单元：{unitName}，{neighbour.Room ?? "?"} 室 (same building unit {unitName})", until);
            }
        }
    }

    private static async Task FromTubesAsync(
        FangkongDbContext db, string caseIdNumber, long? casePersonId, DateTimeOffset from, DateTimeOffset to, CandidateSettings settings,
        Func<string, Finding> add, CancellationToken ct)
    {
        var own = await db.Samples.AsNoTracking()
            .Where(s => (s.DocumentNumber == caseIdNumber || (casePersonId != null && s.PersonId == casePersonId)) && s.SampledAt >= from && s.SampledAt < to)
            .Select(s => new { s.TubeId, s.SampledAt })
            .ToListAsync(ct);
        if (own.Count == 0)
        {
            return;
        }

        var tubeIds = own.Select(s => s.TubeId).Distinct().ToList();
        var barcodes = await db.Tubes.AsNoTracking().Where(t => tubeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Barcode, ct);
        var members = await db.Samples.AsNoTracking()
            .Where(s => tubeIds.Contains(s.TubeId) && s.DocumentNumber != caseIdNumber)
            .OrderBy(s => s.Id).Take(settings.MaxPerSource)
            .Select(s => new { s.TubeId, s.PersonId, s.DocumentNumber, s.PersonRegionCode, s.SampledAt })
            .ToListAsync(ct);
        foreach (var m in members)
        {
            var finding = add(m.DocumentNumber);
            finding.PersonId ??= m.PersonId;
            finding.RegionCode ??= m.PersonRegionCode;
            var barcode = barcodes.TryGetValue(m.TubeId, out var b) ? b : m.TubeId.ToString(CultureInfo.InvariantCulture);
            var at = m.SampledAt.ToOffset(ChinaTime.Offset);
            finding.Add(CandidateReason.PoolTube, $"同管混采：{barcode}，{at:yyyy-MM-dd HH:mm} 采样 (same pooled tube {barcode}, sampled {at:yyyy-MM-dd HH:mm})", ChinaTime.DayOf(m.SampledAt));
        }
    }

    private static async Task FromCheckInsAsync(
        FangkongDbContext db, string caseIdNumber, DateTimeOffset from, DateTimeOffset to, CandidateSettings settings, Func<string, Finding> add, CancellationToken ct)
    {
        var own = await db.CheckIns.AsNoTracking()
            .Where(s => s.IdNumber == caseIdNumber && s.CheckedInAt >= from && s.CheckedInAt < to)
            .OrderBy(s => s.CheckedInAt)
            .Select(s => new { s.PlaceId, s.CheckedInAt })
            .ToListAsync(ct);
        if (own.Count == 0)
        {
            return;
        }

        var placeIds = own.Select(s => s.PlaceId).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        foreach (var scan in own)
        {
            var start = scan.CheckedInAt - settings.CheckInOverlap;
            var end = scan.CheckedInAt + settings.CheckInOverlap;
            var others = await db.CheckIns.AsNoTracking()
                .Where(s => s.PlaceId == scan.PlaceId && s.CheckedInAt >= start && s.CheckedInAt <= end && s.IdNumber != caseIdNumber)
                .OrderBy(s => s.CheckedInAt).Take(settings.MaxPerSource)
                .Select(s => new { s.PersonId, s.IdNumber, s.CheckedInAt })
                .ToListAsync(ct);
            var place = places.TryGetValue(scan.PlaceId, out var name) ? name : scan.PlaceId.ToString(CultureInfo.InvariantCulture);
            var caseAt = scan.CheckedInAt.ToOffset(ChinaTime.Offset);
            foreach (var other in others)
            {
                var finding = add(other.IdNumber);
                finding.PersonId ??= other.PersonId;
                var at = other.CheckedInAt.ToOffset(ChinaTime.Offset);
                finding.Add(
                    CandidateReason.CheckIn,
                    $"同场所扫码：{place}，本人 {at:MM-dd HH:mm}，病例 {caseAt:MM-dd HH:mm} (same place {place}: scanned {at:MM-dd HH:mm}, case {caseAt:MM-dd HH:mm})",
                    ChinaTime.DayOf(other.CheckedInAt));
            }
        }
    }

    /// <summary>
    /// Secondary-contact candidates (次密接): the household of each confirmed close contact of this
    /// investigation, unless they are close candidates or contacts of the case already, or
    /// recorded contacts of that close contact.
    /// </summary>
    private static async Task SecondaryAsync(
        FangkongDbContext db, Case c, string caseIdNumber, IEnumerable<ContactCandidate> stored, List<string> recorded, Dictionary<string, Finding> findings,
        CandidateSettings settings, CancellationToken ct)
    {
        var storedList = stored.ToList();
        var confirmed = storedList.Where(s => s.Kind == ContactKind.Close && s.Status == CandidateStatus.Confirmed && s.ContactNo is not null).ToList();
        if (confirmed.Count == 0)
        {
            return;
        }

        var closeIds = storedList.Where(s => s.Kind == ContactKind.Close).Select(s => s.IdNumber).Concat(recorded).Append(caseIdNumber).ToHashSet(StringComparer.Ordinal);
        var contactNos = confirmed.Select(x => x.ContactNo!).ToList();
        var theirs = (await db.Contacts.AsNoTracking().Where(x => x.SourceContactNo != null && contactNos.Contains(x.SourceContactNo))
            .Select(x => x.IdNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var close in confirmed)
        {
            var person = close.PersonId is { } pid
                ? await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct)
                : await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.DocumentNumber == close.IdNumber, ct);
            if (person is null || (string.IsNullOrEmpty(person.HouseholdNo) && (person.BuildingUnitId is null || string.IsNullOrEmpty(person.Room))))
            {
                continue;
            }

            var householdNo = person.HouseholdNo;
            var unitId = person.BuildingUnitId;
            var room = person.Room;
            var household = await db.Persons.AsNoTracking()
                .Where(p => p.Id != person.Id
                    && ((householdNo != null && p.HouseholdNo == householdNo) || (unitId != null && room != null && p.BuildingUnitId == unitId && p.Room == room)))
                .OrderBy(p => p.Id).Take(settings.MaxPerSource).ToListAsync(ct);
            foreach (var member in household.Where(m => !closeIds.Contains(m.DocumentNumber) && !theirs.Contains(m.DocumentNumber)))
            {
                if (findings.TryGetValue(member.DocumentNumber, out var existing) && existing.SourceContactNo is null)
                {
                    continue;
                }

                var finding = existing ?? (findings[member.DocumentNumber] = new Finding(member.DocumentNumber) { SourceContactNo = close.ContactNo });
                Note(finding, member).Add(
                    CandidateReason.CloseContactHousehold, $"密接 {close.Name}（{close.ContactNo}）的同户人员 (lives with close contact {close.ContactNo})",
                    close.DecidedAt is { } decided ? ChinaTime.DayOf(decided) : c.ReportedOn);
            }
        }
    }

    /// <summary>Tube members and scanners are known by identity number: take name and region from the register where it knows them.</summary>
    private static async Task NameTheUnnamedAsync(FangkongDbContext db, List<Finding> unnamed, CancellationToken ct)
    {
        if (unnamed.Count == 0)
        {
            return;
        }

        var numbers = unnamed.Select(f => f.IdNumber).ToList();
        var known = await db.Persons.AsNoTracking().Where(p => numbers.Contains(p.DocumentNumber))
            .Select(p => new { p.Id, p.DocumentNumber, p.Name, p.RegionCode }).ToListAsync(ct);
        var byNumber = known.GroupBy(p => p.DocumentNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var finding in unnamed)
        {
            if (byNumber.TryGetValue(finding.IdNumber, out var p))
            {
                finding.PersonId ??= p.Id;
                finding.Name = p.Name;
                finding.RegionCode = p.RegionCode;
            }
        }
    }

    private static Finding Note(Finding finding, Person p)
    {
        finding.PersonId ??= p.Id;
        finding.Name ??= p.Name;
        finding.RegionCode = p.RegionCode;
        return finding;
    }

}
