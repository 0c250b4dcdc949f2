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
            return Error.Invalid("caseNo", "缺少病例编号 (caseNo is required).");
        }

        if (command.On is not { } on)
        {
            return Error.Invalid("on", "缺少暴露或到场日期 (on is required).");
        }

        if ((command.PlaceId is null) == string.IsNullOrWhiteSpace(command.HouseholdNo))
        {
            return Error.Invalid("placeId", "须填写场所 placeId 或户号 householdNo 之一 (give either placeId or householdNo).");
        }

        if (!EnumText.TryParse<LinkSource>(command.Source, out var source))
        {
            return Error.Invalid("source", $"来源「{command.Source}」应为 {string.Join("/", Enum.GetNames<LinkSource>().Select(n => n.ToLowerInvariant()))} (source must be one of these).");
        }

        if (source == LinkSource.Itinerary)
        {
            return Error.Invalid("source", "行程链接由流调行程生成，不能手工录入 (itinerary links come from the investigation's itinerary and cannot be recorded by hand).");
        }

        var caseNo = command.CaseNo.Trim();
        var found = await db.Cases.AsNoTracking().Where(c => c.CaseNo == caseNo).Select(c => new { c.Id, c.RegionCode }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return Error.NotFound($"病例 {caseNo} 不存在或不在您的辖区内 (case {caseNo} does not exist or is outside your jurisdiction).");
        }

        CaseLink link;
        if (command.PlaceId is { } placeId)
        {
            var place = await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placeId, ct);
            if (place is null)
            {
                return Error.Invalid("placeId", $"场所 {placeId} 不存在或不在您的辖区内 (place {placeId} does not exist or is outside your jurisdiction).");
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
