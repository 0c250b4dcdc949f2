using System.Net;
using Fangkong.Common;
using Fangkong.Common.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Fangkong.Web.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry for the web host: traces (ASP.NET Core, EF Core, Npgsql), metrics (the same, the
/// runtime, and <see cref="FangkongMetrics"/>) scraped by Prometheus, and logs; health split into
/// live (the process answers) and ready (the database answers).
/// </summary>
public static class TelemetrySetup
{
    private const string ReadyTag = "ready";

    public static void AddFangkongTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<TelemetryOptions>(builder.Configuration, TelemetryOptions.Section);
        // The exporters are chosen now, from the settings as the builder has them (checked again at start).
        var settings = SettingsBinder.Read<TelemetryOptions>(builder.Configuration, TelemetryOptions.Section);
        var otlp = settings.OtlpEndpoint ?? EnvironmentEndpoint();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("fangkong", serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString()))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => !IsInfrastructure(c.Request.Path, settings.ScrapePath))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql();
                if (otlp is not null)
                {
                    t.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(FangkongMetrics.MeterName)
                    .AddPrometheusExporter();
                if (otlp is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            telemetry.WithLogging(l => l.AddOtlpExporter(o => o.Endpoint = otlp));
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<Data.FangkongDbContext>("database", tags: [ReadyTag]);
    }

    /// <summary>/health/live, /health/ready (and /health, as ready), and the Prometheus scrape path.</summary>
    public static void UseFangkongTelemetry(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context =>
            context.Request.Path == settings.ScrapePath && (settings.ScrapeFromAnyAddress || IsLocal(context.Connection)));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
    }

    private static bool IsInfrastructure(PathString path, string scrapePath) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path == scrapePath;

    // The in-memory test server sets no remote address; Kestrel always does.
    private static bool IsLocal(ConnectionInfo connection) =>
        connection.RemoteIpAddress is null || IPAddress.IsLoopback(connection.RemoteIpAddress);

    private static Uri? EnvironmentEndpoint() =>
        Uri.TryCreate(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"), UriKind.Absolute, out var uri) ? uri : null;
}
