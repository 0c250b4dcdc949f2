using Fangkong.Data;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// A rule that reads the records and names problems a person would otherwise have to notice
/// (系统预警): each problem comes with a dedupe key, so that the runner raises it once however
/// often the detector sees it. Detectors read as the system (every region); their thresholds
/// come from settings (<c>Supervision:Detectors:{Key}:…</c>), never from constants.
/// </summary>
public interface IFindingDetector
{
    /// <summary>Stable key, e.g. <c>positive-pool-control</c>; prefixes every dedupe key.</summary>
    string Key { get; }

    /// <summary>Chinese name for the dashboard and the findings' source.</summary>
    string Title { get; }

    /// <summary>How often the runner runs it unless the settings say otherwise.</summary>
    TimeSpan DefaultInterval { get; }

    /// <summary>Its own thresholds, with their defaults and valid ranges (checked at start-up).</summary>
    IReadOnlyList<DetectorParameter> Parameters { get; }

    Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct);
}
