using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Input;

namespace Fangkong.Testing;

/// <summary>
/// Registers a sampling point in a region of the caller's jurisdiction, or updates the one of the
/// same name there (sending the same form again changes nothing): its kind, key place, opening
/// hours and samplers, who must be users with the sampler's or community worker's role whose
/// region covers the point.
/// </summary>
public static class SaveSamplingPoint
{
    public sealed record Command(string? RegionCode, [MaxLength(SamplingPoint.NameMaxLength)] string? Name, string? Kind, long? PlaceId, string? OpensAt, string? ClosesAt, IReadOnlyList<string>? Samplers);

    public static async Task<Result<SamplingPointView>> HandleAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var region = Regions.RegionCode.Normalise(command.RegionCode);
        if (region is null || !await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return Error.Invalid("regionCode", $"「{command.RegionCode}」不是已载入的区划代码 ('{command.RegionCode}' is not a loaded region code).");
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden($"区划 {region} 不在您的辖区内 (region {region} is outside your jurisdiction).");
        }

        var name = command.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > SamplingPoint.NameMaxLength)
        {
            return Error.Invalid("name", $"采样点名称应为 1–{SamplingPoint.NameMaxLength} 个字 (the point needs a name of 1 to {SamplingPoint.NameMaxLength} characters).");
        }

        if (!EnumText.TryParse<PointKind>(command.Kind ?? string.Empty, out var kind))
        {
            return Error.Invalid("kind", $"类型应为 fixed（固定）或 temporary（临时）('{command.Kind}' is not fixed or temporary).");
        }

        if (!TryTime(command.OpensAt, out var opens) || !TryTime(command.ClosesAt, out var closes) || opens == closes)
        {
            return Error.Invalid("opensAt", "开放时间应为 HH:mm，且开始与结束不同 (opening hours are HH:mm, with different opening and closing times).");
        }

        var county = region.Length > 6 ? region[..6] : region;
        if (command.PlaceId is { } placeId && !await db.Places.AnyAsync(p => p.Id == placeId && p.RegionCode.StartsWith(county), ct))
        {
            return Error.Invalid("placeId", string.Create(CultureInfo.InvariantCulture, $"场所 {placeId} 不存在或不在本区 (place {placeId} does not exist in this county)."));
        }

        var samplers = (command.Samplers ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (samplers.Count > SamplingPoint.SamplersMax)
        {
            return Error.Invalid("samplers", $"每个采样点最多 {SamplingPoint.SamplersMax} 名采样人员 (at most {SamplingPoint.SamplersMax} samplers a point).");
        }

        var unknown = await UnknownSamplersAsync(db, region, samplers, ct);
        if (unknown.Count > 0)
        {
            return Error.Invalid("samplers", $"不是本区的采样人员：{string.Join("、", unknown)} (not samplers whose region covers the point: {string.Join(", ", unknown)}).");
        }

        var point = await db.SamplingPoints.Include(p => p.Samplers).FirstOrDefaultAsync(p => p.RegionCode == region && p.Name == name, ct);
        if (point is null)
        {
            point = new SamplingPoint(region, name, kind, command.PlaceId, opens, closes);
            db.SamplingPoints.Add(point);
        }
        else
        {
            point.Update(kind, command.PlaceId, opens, closes);
        }

        point.SetSamplers(samplers);
        await db.SaveChangesAsync(ct);
        return SamplingPointView.From(point, 0);
    }

    private static async Task<List<string>> UnknownSamplersAsync(FangkongDbContext db, string region, List<string> samplers, CancellationToken ct)
    {
        if (samplers.Count == 0)
        {
            return [];
        }

        // A sampler works where the user's region covers the point; roles come from the identity tables.
        var roleIds = await db.Roles.Where(r => r.Name == Roles.Sampler || r.Name == Roles.CommunityWorker).Select(r => r.Id).ToListAsync(ct);
        var users = await db.Users.Where(u => EF.Parameter(samplers).Contains(u.UserName!))
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new { u.UserName, u.RegionCode })
            .ToListAsync(ct);
        var known = users.Where(u => region.StartsWith(u.RegionCode, StringComparison.Ordinal)).Select(u => u.UserName!).ToHashSet(StringComparer.Ordinal);
        return samplers.Where(s => !known.Contains(s)).ToList();
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
