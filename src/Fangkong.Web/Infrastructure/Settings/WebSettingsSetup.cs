using Fangkong.Common.Settings;
using Fangkong.Data;
using Fangkong.Web.Infrastructure.Input;
using Fangkong.Web.Infrastructure.Security;
using Fangkong.Web.Infrastructure.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Web.Infrastructure.Settings;

/// <summary>
/// The web host's settings: appsettings.json and the environment (read by the ASP.NET Core
/// builder), the older FANGKONG_* variables, then the command line again so that a flag still
/// wins; every section bound strictly and validated before the host touches the database.
/// </summary>
public static class WebSettingsSetup
{
    /// <summary>Every section the web host reads (the core's and its own), for the documentation test.</summary>
    public static IReadOnlyList<(string Section, Type Options)> Sections { get; } =
    [
        (DatabaseOptions.Section, typeof(DatabaseOptions)),
        .. FangkongSettings.Sections,
        (SecurityOptions.Section, typeof(SecurityOptions)),
        (TelemetryOptions.Section, typeof(TelemetryOptions)),
        (RequestLimits.Section, typeof(RequestLimits)),
        (Fangkong.Auditing.AuditOptions.Section, typeof(Fangkong.Auditing.AuditOptions)),
        (Clock.ClockOptions.Section, typeof(Clock.ClockOptions)),
    ];

    /// <summary>Adds the sources and the core's sections; the web sections are registered by their own set-up (security, telemetry, input bounds).</summary>
    public static WebApplicationBuilder AddFangkongSettings(this WebApplicationBuilder builder, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddFangkongAliases(Environment.GetEnvironmentVariables());
        if (args.Count > 0)
        {
            builder.Configuration.AddCommandLine([.. args]);
        }

        builder.Services.AddFangkongSettings(builder.Configuration);
        return builder;
    }

    /// <summary>The database from <c>Database:Connection</c> (or FANGKONG_DATABASE) when the caller did not choose one.</summary>
    public static DatabaseSettings Database(this WebApplicationBuilder builder, DatabaseSettings? chosen)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return chosen ?? DatabaseOptions.Resolve(null, builder.Configuration);
    }
}
