using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Transfers;

/// <summary>
/// Opens the transfer of a person identified for central quarantine or treatment to a site
/// (possibly another city's). The person must be registered in the caller's jurisdiction; one
/// open transfer per person, so a retry answers the transfer already open.
/// </summary>
public static class CreateTransfer
{
    public sealed record Command(
        string? IdNumber, long? PlacementId, long? SiteId, string? SiteName, string? SiteRegionCode, DateTimeOffset? IdentifiedAt, string? FromAddress);

    /// <summary>
    /// The transfer as the caller may see it: a role that sees masked numbers gets the masked
    /// number and a masked name, so typing a full number does not confirm whose it is.
    /// </summary>
    public sealed record Created(long Id, string Name, string IdNumber, string RegionCode, string SiteName, bool CrossCity, bool AlreadyOpen)
    {
        internal static Created Of(TransferTask task, Access.Jurisdiction caller, bool alreadyOpen) => new(
            task.Id, caller.SeesFullIdentity ? task.Name : Access.Masking.Name(task.Name), Access.Masking.IdNumberFor(task.IdNumber, caller),
            task.RegionCode, task.SiteName, task.CrossCity, alreadyOpen);
    }

    public static async Task<Result<Created>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (!IdNumber.TryParse(command.IdNumber, out var id, out var idError))
        {
            return Error.Invalid("idNumber", ErrorText.Of("error.quarantine.invalid-identity-number", idError));
        }

        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.DocumentType == DocumentType.ResidentId && p.DocumentNumber == id.Value, ct);
        if (person is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.person-not-registered-jurisdiction"));
        }

        var siteName = command.SiteName?.Trim() ?? string.Empty;
        if (siteName.Length is 0 or > TransferTask.SiteNameMaxLength)
        {
            return Error.Invalid("siteName", ErrorText.Of("error.quarantine.name-destination-site", TransferTask.SiteNameMaxLength));
        }

        var siteRegion = Regions.RegionCode.Normalise(command.SiteRegionCode);
        if (siteRegion is null || !await db.Regions.AnyAsync(r => r.Code == siteRegion, ct))
        {
            return Error.Invalid("siteRegionCode", ErrorText.Of("error.quarantine.destination-region-not-registry", command.SiteRegionCode));
        }

        var now = time.GetUtcNow();
        var identified = command.IdentifiedAt ?? now;
        if (identified > now + TimeSpan.FromMinutes(5))
        {
            return Error.Invalid("identifiedAt", ErrorText.Of("error.quarantine.time-identification-future"));
        }

        var open = await db.TransferTasks.AsNoTracking()
            .FirstOrDefaultAsync(t => t.IdNumber == person.DocumentNumber && t.State != TransferState.CheckedIn && t.State != TransferState.Cancelled, ct);
        if (open is not null)
        {
            return Created.Of(open, db.Jurisdiction, alreadyOpen: true);
        }

        var from = command.FromAddress?.Trim();
        if (string.IsNullOrEmpty(from))
        {
            from = await AddressAsync(db, person, ct);
        }

        if (from.Length > TransferTask.AddressMaxLength)
        {
            return Error.Invalid("fromAddress", ErrorText.Of("error.quarantine.address-up-characters", TransferTask.AddressMaxLength));
        }

        var task = new TransferTask(
            command.PlacementId, person.Id, person.DocumentNumber, person.Name, person.RegionCode, person.CompoundId, from,
            command.SiteId, siteName, siteRegion, identified, db.Jurisdiction.UserName, now);
        db.TransferTasks.Add(task);
        await db.SaveChangesAsync(ct);
        return Created.Of(task, db.Jurisdiction, alreadyOpen: false);
    }

    /// <summary>The home as a crew reads it: community, compound, building, unit, room.</summary>
    internal static async Task<string> AddressAsync(FangkongDbContext db, Person person, CancellationToken ct)
    {
        var community = await db.Regions.Where(r => r.Code == person.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct) ?? person.RegionCode;
        var compound = person.CompoundId is { } c ? await db.Compounds.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var building = person.BuildingId is { } b ? await db.Buildings.Where(x => x.Id == b).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var unit = person.BuildingUnitId is { } u ? await db.BuildingUnits.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var text = string.Join(' ', new[] { community, compound, building, unit, person.Room }.Where(s => !string.IsNullOrEmpty(s)));
        return text.Length > TransferTask.AddressMaxLength ? text[..TransferTask.AddressMaxLength] : text;
    }
}
