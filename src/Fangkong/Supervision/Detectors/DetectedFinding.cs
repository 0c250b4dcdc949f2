using Fangkong.Supervision.Findings;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// A problem a detector saw. The runner finds its owner — the unit running <paramref name="PlaceId"/>,
/// else <paramref name="OrganisationId"/>, else the nearest unit of <paramref name="RegionCode"/> or
/// a region above it — and raises a finding unless one with the same dedupe key exists.
/// </summary>
/// <param name="DedupeKey">What was seen, e.g. <c>positive-pool-control:tube:42:220204003001</c>.</param>
public sealed record DetectedFinding(
    string DedupeKey,
    string RegionCode,
    FindingCategory Category,
    FindingSeverity Severity,
    string Title,
    string Description,
    long? PlaceId = null,
    long? OrganisationId = null);
