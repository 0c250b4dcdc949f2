using System.Globalization;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports.Lists;

/// <summary>The contact list (/contacts) as a file: ListContacts with the page's filter.</summary>
public static class ContactListExport
{
    public static ListExport<ContactView> For(FangkongDbContext db, IStringLocalizer texts, ListContacts.Query filter) => new(
        "contacts",
        nameof(Contact),
        string.Create(CultureInfo.InvariantCulture, $"region={filter.Region};kind={filter.Kind};case={filter.SourceCaseNo};contact={filter.SourceContactNo}"),
        [
            new("Contacts.ContactNo", c => c.ContactNo),
            new("Contacts.Kind", c => texts.Of(c.Kind)),
            new("Contacts.Source", c => c.SourceCaseNo ?? c.SourceContactNo),
            new("Contacts.Name", c => c.Name),
            new("Contacts.IdNumber", c => c.IdNumber),
            new("Contacts.Region", c => c.RegionCode),
            new("Contacts.IdentifiedOn", c => ExportCells.Date(c.IdentifiedOn)),
            new("Contacts.EndsOn", c => ExportCells.Date(c.QuarantineEndsOn)),
            new("Contacts.ReleasedOn", c => ExportCells.Date(c.ReleasedOn)),
        ],
        (page, size, ct) => ListContacts.HandleAsync(db, filter with { Page = page, PageSize = size }, ct),
        c => c.Id,
        filter.Region);
}
