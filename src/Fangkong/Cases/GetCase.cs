using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>One case with its severity history; the read is audited. Outside the jurisdiction it is "not found".</summary>
public static class GetCase
{
    public static async Task<Result<CaseView>> HandleAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Cases.AsNoTracking().Include(c => c.SeverityHistory).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (found is null)
        {
            return Error.NotFound(ErrorText.Of("error.cases.case-does-not-exist-outside", id));
        }

        await db.AuditReadAsync(nameof(Case), id.ToString(CultureInfo.InvariantCulture), found.RegionCode, ct);
        return CaseView.From(found, db.Jurisdiction, withHistory: true);
    }
}
