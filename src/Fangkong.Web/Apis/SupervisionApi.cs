using System.Security.Claims;
using Fangkong.Access;
using Fangkong.Accountability;
using Fangkong.Cases.Bulletins;
using Fangkong.Common;
using Fangkong.Common.Input;
using Fangkong.Data;
using Fangkong.Supervision;
using Fangkong.Supervision.Detectors;
using Fangkong.Supervision.Findings;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Supervision: the dashboard, escalation notices, the detectors (run on demand) and bulletin publishing.</summary>
public static class SupervisionApi
{
    public sealed record Publish(string? Region, DateOnly Date, string? Correction);

    /// <param name="StartsOn">The outbreak's first day: a day that has happened, so the input guard refuses a future one at once.</param>
    public sealed record OutbreakStartBody(string? Region, [Happened] DateOnly? StartsOn);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/supervision").WithTags("Supervision");
        group.MapGet("/dashboard", DashboardAsync).WithName("SupervisionDashboard").RequireAuthorization(Permissions.ViewSupervision);
        group.MapGet("/officials", OfficialsAsync).WithName("ListOfficialsWithFindings").RequireAuthorization(Permissions.ViewSupervision);
        group.MapGet("/officials/{id:long}", OfficialRecordAsync).WithName("GetOfficialRecord").RequireAuthorization(Permissions.ViewSupervision);
        group.MapGet("/notices", NoticesAsync).WithName("ListEscalationNotices").RequireAuthorization(Permissions.ViewSupervision);
        group.MapPost("/notices/{id:long}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeNotice").RequireAuthorization(Permissions.ViewSupervision);
        group.MapPost("/detectors/run", RunDetectorsAsync).WithName("RunDetectors").RequireAuthorization(Permissions.ManageChecklists);
        var bulletins = api.MapGroup("/bulletins").WithTags("Supervision");
        bulletins.MapGet("/", ListBulletinsAsync).WithName("ListPublishedBulletins").RequireAuthorization(Permissions.ViewBulletin);
        bulletins.MapGet("/{id:long}", GetBulletinAsync).WithName("GetPublishedBulletin").RequireAuthorization(Permissions.ViewBulletin);
        bulletins.MapPost("/", PublishAsync).WithName("PublishBulletin").RequireAuthorization(Permissions.PublishBulletin);
        bulletins.MapPut("/outbreak-start", SetOutbreakStartAsync).WithName("SetOutbreakStart").RequireAuthorization(Permissions.PublishBulletin);
    }

    /// <summary>Whether the caller plans and conducts inspections, and so may see unannounced ones before they start.</summary>
    public static bool Conducts(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Permissions.RolesFor(Permissions.ConductInspections).Any(user.IsInRole);
    }

    public static async Task<Ok<SupervisionDashboard.View>> DashboardAsync(ClaimsPrincipal user, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await SupervisionDashboard.HandleAsync(db, time, Conducts(user), ct));

    public static async Task<Ok<IReadOnlyList<OfficialsWithFindings.Line>>> OfficialsAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await OfficialsWithFindings.HandleAsync(db, time, ct));

    public static async Task<Results<Ok<OfficialRecord.View>, ValidationProblem, ProblemHttpResult>> OfficialRecordAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await OfficialRecord.HandleAsync(db, time, id, ct)).ToHttp();

    public static async Task<Ok<Page<ListNotices.Row>>> NoticesAsync(bool? open, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListNotices.HandleAsync(db, open ?? false, page, pageSize, ct));

    public static async Task<Results<Ok<ListNotices.Row>, ValidationProblem, ProblemHttpResult>> AcknowledgeAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListNotices.AcknowledgeAsync(db, time, id, ct)).ToHttp();

    /// <summary>Runs every detector now (as the system, like the scheduler), then escalates overdue findings.</summary>
    public static async Task<Ok<RunDetectors.Report>> RunDetectorsAsync(
        Microsoft.Extensions.DependencyInjection.IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<SupervisionOptions> supervision, TimeProvider time, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var system = scope.ServiceProvider.CreateSystemContext();
        var report = await RunDetectors.HandleAsync(system, time, new RunDetectors.Command(DetectorCatalog.All, supervision.Value.For, Force: true), ct);
        return TypedResults.Ok(report);
    }

    public static async Task<Ok<Page<ListPublishedBulletins.Row>>> ListBulletinsAsync(int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListPublishedBulletins.HandleAsync(db, page, pageSize, ct));

    public static async Task<Results<Ok<ListPublishedBulletins.Detail>, ValidationProblem, ProblemHttpResult>> GetBulletinAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await ListPublishedBulletins.GetAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<PublishBulletin.Published>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Publish body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command(body?.Region, body?.Date ?? default, body?.Correction), ct)).ToHttp();

    /// <summary>Sets the first day of 本次疫情 for a region's bulletins (null clears it).</summary>
    public static async Task<Results<Ok<SetOutbreakStart.OutbreakStart>, ValidationProblem, ProblemHttpResult>> SetOutbreakStartAsync(
        OutbreakStartBody body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SetOutbreakStart.HandleAsync(db, time, new SetOutbreakStart.Command(body?.Region, body?.StartsOn), ct)).ToHttp();
}
