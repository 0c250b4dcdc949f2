using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases.Clusters;

/// <summary>
/// Records that a case was at a key place, or belongs to a household, on a date. The same link
/// recorded again changes nothing. A household is taken in the case's region: the same household
/// number elsewhere is another household.
/// </summary>
public static class RecordCaseLink
{
    public sealed record Command(string? CaseNo, long? PlaceId, string? HouseholdNo, [Happened] DateOnly? On, string? Source);

    public sealed record Recorded(long Id, long CaseId, string TargetKey, bool Added);

    public static async Task<Result<Recorded>> HandleAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(command.CaseNo))
        {
            return Error.Invalid("caseNo", ErrorText.Of("error.web.caseno-required"));
        }

        if (command.On is not { } on)
        {
            return Error.Invalid("on", ErrorText.Of("error.cases.required"));
        }

        if ((command.PlaceId is null) == string.IsNullOrWhiteSpace(command.HouseholdNo))
        {
            return Error.Invalid("placeId", ErrorText.Of("error.cases.give-either-placeid-householdno"));
        }

        if (!EnumText.TryParse<LinkSource>(command.Source, out var source))
        {
            return Error.Invalid("source", ErrorText.Of("error.cases.source-one-these", command.Source, ErrorText.Plain(string.Join("/", Enum.GetNames<LinkSource>().Select(n => n.ToLowerInvariant())))));
        }

        if (source == LinkSource.Itinerary)
        {
            return Error.Invalid("source", ErrorText.Of("error.cases.itinerary-links-come-from-investigation"));
        }

        var caseNo = command.CaseNo.Trim();
        var found = await db.Cases.AsNoTracking().Where(c => c.CaseNo == caseNo).Select(c => new { c.Id, c.RegionCode }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound(ErrorText.Of("error.cases.case-does-not-exist-outside", caseNo));
        }

        CaseLink link;
        if (command.PlaceId is { } placeId)
        {
            var place = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placeId, ct);
            if (place is null)
            {
                return Error.Invalid("placeId", ErrorText.Of("error.cases.place-does-not-exist-outside", placeId));
            }

            link = CaseLink.ToPlace(found.Id, place, on, source);
        }
        else
        {
            var household = CaseLink.ToHousehold(found.Id, found.RegionCode, command.HouseholdNo!, on, source);
            if (!household.IsSuccess)
            {
                return household.Error!;
            }

            link = household.Value!;
        }

        var existing = await db.CaseLinks.AsNoTracking()
            .Where(l => l.CaseId == link.CaseId && l.TargetKey == link.TargetKey && l.On == on).Select(l => (long?)l.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            return new Recorded(id, link.CaseId, link.TargetKey, false);
        }

        db.CaseLinks.Add(link);
        await db.SaveChangesAsync(ct);
        return new Recorded(link.Id, link.CaseId, link.TargetKey, true);
    }
}
