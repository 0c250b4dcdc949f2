using Fangkong.Cases;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine;

/// <summary>Sets a contact's release day (the bulletin's 解除隔离) through its own update, under its own plan version; once.</summary>
internal static class ContactReleased
{
    public static async Task MarkAsync(FangkongDbContext db, IQueryable<Contact> which, DateOnly on, CancellationToken ct)
    {
        var contact = await which.FirstOrDefaultAsync(ct);
        if (contact is null || contact.ReleasedOn is not null)
        {
            return;
        }

        var policy = await db.PolicyVersions.FirstAsync(v => v.Id == contact.PolicyVersionId, ct);
        contact.Update(new Contact.Report(
            contact.ContactNo, contact.Kind, contact.SourceCaseNo, contact.SourceContactNo, contact.IdNumber, contact.Name, contact.RegionCode,
            contact.ExposureOn, contact.IdentifiedOn, on), policy);
    }
}
