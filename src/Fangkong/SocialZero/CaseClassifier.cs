using Fangkong.Cases;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.SocialZero;

/// <summary>
/// Classifies new cases at detection: under control when the person was a known contact still in
/// quarantine (identified before the report day, not released before it), lived in a sealed or
/// controlled area, or was in a closed loop on the report day; imported cases were quarantined
/// on arrival; everyone else is social-level. Conversions are the same infection as the record
/// they convert and are not classified again. Adds the rows to the context; the caller saves them
/// with the cases, in one transaction.
/// </summary>
public sealed class CaseClassifier(IControlledAreaSource areas)
{
    /// <summary>The classifier with the area designations of the Areas capability as its source of sealed and controlled areas.</summary>
    public static CaseClassifier Default { get; } = new(new DesignatedAreaSource());

    public async Task<IReadOnlyList<CaseClassification>> AddAsync(FangkongDbContext db, IReadOnlyList<Case> created, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(created);
        var cases = created.Where(c => !c.IsConversion).ToList();
        if (cases.Count == 0)
        {
            return [];
        }

        var facts = cases.Select(c => new CaseFacts(c.CaseNo, c.PersonId, c.IdNumber, c.RegionCode, c.ReportedOn)).ToList();
        var numbers = facts.Select(f => f.IdNumber).Where(n => n.Length > 0).Distinct().ToList();
        var personIds = facts.Where(f => f.PersonId is not null).Select(f => f.PersonId!.Value).Distinct().ToList();
        var latest = facts.Max(f => f.ReportedOn);

        // A contact may be quarantined (and recorded) in another county, and a closed loop may
        // lie in another county than the home address: these look-ups lift the jurisdiction
        // filter, key on the identities of the cases being reported (which the caller holds),
        // join no filtered set and return only what the classification needs.
        var contacts = numbers.Count == 0
            ? []
            : await db.Contacts.BypassJurisdiction(BypassReason.CaseClassification).AsNoTracking()
                .Where(k => EF.Parameter(numbers).Contains(k.IdNumber) && k.IdentifiedOn < latest)
                .Select(k => new { k.IdNumber, k.ContactNo, k.Kind, k.IdentifiedOn, k.ReleasedOn, k.RegionCode })
                .ToListAsync(ct);
        var loops = personIds.Count == 0
            ? []
            : await db.ClosedLoopMembers.BypassJurisdiction(BypassReason.CaseClassification).AsNoTracking()
                .Where(m => EF.Parameter(personIds).Contains(m.PersonId))
                .Select(m => new { m.PersonId, m.GroupId, m.JoinedOn, m.LeftOn })
                .ToListAsync(ct);
        var inAreas = await areas.FindAsync(db, facts, ct);

        var now = db.Clock.GetUtcNow();
        var rows = new List<CaseClassification>(cases.Count);
        foreach (var (c, f) in cases.Zip(facts))
        {
            var contact = contacts.FirstOrDefault(k => k.IdNumber == f.IdNumber && k.IdentifiedOn < f.ReportedOn && (k.ReleasedOn is null || k.ReleasedOn >= f.ReportedOn));
            var loop = f.PersonId is { } pid ? loops.FirstOrDefault(m => m.PersonId == pid && m.JoinedOn <= f.ReportedOn && (m.LeftOn is null || m.LeftOn > f.ReportedOn)) : null;
            var (level, reason, note) =
                c.Source == CaseSource.Import ? (DetectionLevel.UnderControl, ControlReason.Imported, "境外输入 (imported)")
                : contact is not null ? (DetectionLevel.UnderControl, ControlReason.QuarantinedContact,
                    // Another jurisdiction's contact record is not the reporter's to read: only the fact is noted.
                    db.Jurisdiction.Covers(contact.RegionCode)
                        ? $"{(contact.Kind == ContactKind.Close ? "密接" : "次密接")} {contact.ContactNo}，{contact.IdentifiedOn:yyyy-MM-dd} 起隔离 (known contact in quarantine)"
                        : "外地登记的隔离人员 (known contact in quarantine, recorded in another jurisdiction)")
                : inAreas.TryGetValue(f.CaseNo, out var area) ? (DetectionLevel.UnderControl, ControlReason.ControlledArea, area)
                : loop is not null ? (DetectionLevel.UnderControl, ControlReason.ClosedLoop, $"闭环 {loop.GroupId} (closed loop)")
                : (DetectionLevel.SocialLevel, ControlReason.None, (string?)null);
            rows.Add(new CaseClassification(f.CaseNo, f.RegionCode, f.ReportedOn, level, reason, note, now));
        }

        // A case number classified before (a re-import after a failed one) keeps its first classification.
        var caseNos = rows.Select(r => r.CaseNo).ToList();
        var done = (await db.CaseClassifications.BypassJurisdiction(BypassReason.UniqueNumber).AsNoTracking().Where(k => EF.Parameter(caseNos).Contains(k.CaseNo)).Select(k => k.CaseNo).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var added = rows.Where(r => !done.Contains(r.CaseNo)).ToList();
        db.CaseClassifications.AddRange(added);
        return added;
    }
}
