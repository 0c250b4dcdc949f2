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
            return Error.Invalid("regionCode", ErrorText.Of("error.testing.not-loaded-region-code", command.RegionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-2", region));
        }

        var name = command.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > SamplingPoint.NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.testing.point-needs-name-characters", SamplingPoint.NameMaxLength));
        }

        if (!EnumText.TryParse<PointKind>(command.Kind ?? string.Empty, out var kind))
        {
            return Error.Invalid("kind", ErrorText.Of("error.testing.not-fixed-temporary", command.Kind));
        }

        if (!TryTime(command.OpensAt, out var opens) || !TryTime(command.ClosesAt, out var closes) || opens == closes)
        {
            return Error.Invalid("opensAt", ErrorText.Of("error.testing.opening-hours-hh-mm-different"));
        }

        var county = region.Length > 6 ? region[..6] : region;
        if (command.PlaceId is { } placeId && !await db.Places.AnyAsync(p => p.Id == placeId && p.RegionCode.StartsWith(county), ct))
        {
            return Error.Invalid("placeId", ErrorText.Of("error.testing.place-does-not-exist-county", placeId));
        }

        var samplers = (command.Samplers ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (samplers.Count > SamplingPoint.SamplersMax)
        {
            return Error.Invalid("samplers", ErrorText.Of("error.testing.most-samplers-point", SamplingPoint.SamplersMax));
        }

        var unknown = await UnknownSamplersAsync(db, region, samplers, ct);
        if (unknown.Count > 0)
        {
            return Error.Invalid("samplers", ErrorText.Of("error.testing.not-samplers-whose-region-covers", string.Join("、", unknown), string.Join(", ", unknown)));
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
