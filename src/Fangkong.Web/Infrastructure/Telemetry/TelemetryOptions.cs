using System.ComponentModel.DataAnnotations;

namespace Fangkong.Web.Infrastructure.Telemetry;

/// <summary>The "Telemetry" section: where traces, metrics and logs go.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// An OpenTelemetry collector (OTLP) that receives traces, metrics and logs, e.g.
    /// http://127.0.0.1:4317; none by default (the standard OTEL_EXPORTER_OTLP_ENDPOINT also works).
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>
    /// The Prometheus scrape path. It is answered to clients on this machine only, unless
    /// <see cref="ScrapeFromAnyAddress"/> is set (then the operator restricts it at the proxy).
    /// </summary>
    [Required]
    [RegularExpression("^/[A-Za-z0-9/_-]*$", ErrorMessage = "Telemetry:ScrapePath must be a path starting with '/'.")]
    public string ScrapePath { get; set; } = "/metrics";

    public bool ScrapeFromAnyAddress { get; set; }
}
