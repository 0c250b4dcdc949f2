using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>The investigation of a case, with its itinerary; the read is audited like a case read.</summary>
public static class GetInvestigation
{
    public static async Task<Result<InvestigationView>> HandleAsync(FangkongDbContext db, long caseId, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var loaded = await LoadAsync(db, caseId, tracked: false, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (investigation, c) = loaded.Value;
        await db.AuditReadAsync(nameof(CaseInvestigation), investigation.Id.ToString(CultureInfo.InvariantCulture), c.RegionCode, ct);
        return await ViewAsync(db, investigation, c, now, ct);
    }

    internal static async Task<InvestigationView> ViewAsync(FangkongDbContext db, CaseInvestigation investigation, Case c, DateTimeOffset now, CancellationToken ct)
    {
        var placeIds = investigation.Itinerary.Select(e => e.PlaceId).OfType<long>().Distinct().ToList();
        var names = placeIds.Count == 0
            ? new Dictionary<long, string>()
            : await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return InvestigationView.From(investigation, c, db.Jurisdiction, now, names);
    }

    /// <summary>The investigation of a case and the case, both within the jurisdiction, or not found.</summary>
    internal static async Task<Result<(CaseInvestigation Investigation, Case Case)>> LoadAsync(FangkongDbContext db, long caseId, bool tracked, CancellationToken ct)
    {
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return OpenInvestigation.NotFound(caseId);
        }

        var query = db.Investigations.Include(i => i.Itinerary).Where(i => i.CaseId == caseId);
        var investigation = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(ct);
        if (investigation is null)
        {
            return Error.NotFound(ErrorText.Of("error.cases.case-no-investigation-yet", found.CaseNo));
        }

        return (investigation, found);
    }
}
