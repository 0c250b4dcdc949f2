using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// The sampling points of a region in the caller's jurisdiction, paged, with the swabs taken at
/// each in a round, and the planning norm for the region: one point per 2,000–3,000 residents and
/// about one sampler per 360 residents (DOMAIN §4), against what is registered.
/// </summary>
public static class ListSamplingPoints
{
    public const int ResidentsPerPointMax = 3_000;
    public const int ResidentsPerSampler = 360;

    public sealed record Plan(long Residents, int Points, int Samplers, int PointsNeeded, int SamplersNeeded);

    public sealed record Answer(Page<SamplingPointView> Points, Plan Norm);

    public static async Task<Result<Answer>> HandleAsync(FangkongDbContext db, string? region, long? roundId, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = string.IsNullOrWhiteSpace(region) ? db.Jurisdiction.RegionPrefix : Regions.RegionCode.Normalise(region);
        if (prefix is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", region));
        }

        if (!db.Jurisdiction.Covers(prefix))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-2", prefix));
        }

        var points = db.SamplingPoints.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix));
        var (number, size) = Page<SamplingPointView>.Clamp(page, pageSize);
        var total = await points.CountAsync(ct);
        var rows = await points.Include(p => p.Samplers).OrderBy(p => p.RegionCode).ThenBy(p => p.Name).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        var swabs = roundId is { } round
            ? await db.Tubes.AsNoTracking().Where(t => t.RoundId == round && t.SamplingPointId != null && ids.Contains(t.SamplingPointId.Value))
                .GroupBy(t => t.SamplingPointId!.Value).Select(g => new { Id = g.Key, Swabs = g.Sum(t => (long)t.SampleCount) }).ToDictionaryAsync(g => g.Id, g => g.Swabs, ct)
            : [];
        var items = rows.Select(p => SamplingPointView.From(p, swabs.GetValueOrDefault(p.Id))).ToList();

        var residents = await Populations.InSubtreeAsync(db, prefix, ct);
        var samplers = await db.SamplingPoints.Where(p => p.RegionCode.StartsWith(prefix)).SelectMany(p => p.Samplers).Select(s => s.UserName).Distinct().CountAsync(ct);
        var norm = new Plan(residents, total, samplers, (int)Math.Ceiling(residents / (double)ResidentsPerPointMax), (int)Math.Ceiling(residents / (double)ResidentsPerSampler));
        return new Answer(new Page<SamplingPointView>(items, number, size, total), norm);
    }
}
