using System.Globalization;

namespace Fangkong.Testing;

/// <summary>A sampling point as pages and the API show it, with the swabs taken there in a round when asked.</summary>
public sealed record SamplingPointView(
    long Id, string RegionCode, string Name, PointKind Kind, long? PlaceId, string OpensAt, string ClosesAt, IReadOnlyList<string> Samplers, long Swabs)
{
    public static SamplingPointView From(SamplingPoint p, long swabs) => new(
        p.Id, p.RegionCode, p.Name, p.Kind, p.PlaceId,
        p.OpensAt.ToString("HH:mm", CultureInfo.InvariantCulture), p.ClosesAt.ToString("HH:mm", CultureInfo.InvariantCulture),
        p.Samplers.Select(s => s.UserName).Order(StringComparer.Ordinal).ToList(), swabs);
}
