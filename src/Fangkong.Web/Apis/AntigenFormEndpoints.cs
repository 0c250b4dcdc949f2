using Fangkong.Common;
using System.Globalization;
using System.Threading.RateLimiting;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Testing;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Apis;

/// <summary>
/// The public antigen page's form post (/antigen, no sign-in): a resident reports their own
/// self-test (<see cref="SelfReportAntigen"/>). Antiforgery-checked, rate-limited per client
/// address, and redirected back with the outcome (never the identity number) in the query string.
/// </summary>
public static class AntigenFormEndpoints
{
    public const string RateLimitPolicy = "resident-antigen";

    /// <summary>Attempts per client address and window: enough for a family, too few to guess phone numbers.</summary>
    public const int AttemptsPerWindow = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static void AddRateLimits(IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = AttemptsPerWindow, Window = Window, QueueLimit = 0 }));
            o.OnRejected = (context, _) =>
            {
                // A page, not a bare 429: the resident learns to wait.
                context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.HttpContext.Response.Headers.Location = "/antigen?error=" + Uri.EscapeDataString(TooMany);
                return ValueTask.CompletedTask;
            };
        });

    public const string TooMany = "尝试次数过多，请 10 分钟后再试 (too many attempts: try again in 10 minutes)";

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/antigen/report", ReportAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy).ExcludeFromDescription();
    }

    public static async Task<IResult> ReportAsync(
        [FromForm(Name = "idNumber")] string? idNumber,
        [FromForm(Name = "phone")] string? phone,
        [FromForm(Name = "result")] string? result,
        [FromForm(Name = "testedAt")] string? testedAt,
        TimeProvider time,
        HttpContext http,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        // The page's datetime-local field is Beijing time.
        DateTimeOffset? at = DateTime.TryParse(testedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset)
            : null;
        await using var db = ActivatorUtilities.CreateInstance<FangkongDbContext>(http.RequestServices, new FixedJurisdiction(SelfReportAntigen.Resident));
        var reported = await SelfReportAntigen.HandleAsync(db, time, new SelfReportAntigen.Command(idNumber, phone, result, at), ct);
        if (!reported.IsSuccess)
        {
            return Results.LocalRedirect($"/antigen?error={Uri.EscapeDataString(reported.Error!.Message)}");
        }

        var r = reported.Value!;
        var outcome = r.AlreadyReported ? "already" : "recorded";
        return Results.LocalRedirect($"/antigen?outcome={outcome}&result={r.Result.ToString().ToLowerInvariant()}&confirmation={(r.ConfirmationTaskId is null ? "no" : "yes")}");
    }
}
