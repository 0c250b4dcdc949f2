using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Passes;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Movement passes and checkpoints: apply, approve, the QR code, keys and revocations for offline checkpoints, scans, throughput and abuse.</summary>
public static class PassesApi
{
    public sealed record Reason(string? Note);

    public sealed record ScanBatch(IReadOnlyList<RecordPassScans.Scan>? Scans);

    public sealed record Duty(string? OnDuty);

    public sealed record Keys(IReadOnlyList<Key> Items);

    /// <summary>A public key; with <c>lowS</c>, a checkpoint refuses this key's signatures whose s is above n / 2 (one token per pass).</summary>
    public sealed record Key(string KeyId, string Algorithm, string PublicKey, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, bool LowS);

    public sealed record Revocations(DateTimeOffset AsOf, IReadOnlyList<Revocation> Items);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var passes = api.MapGroup("/passes").WithTags("Passes");
        passes.MapGet("/", ListAsync).WithName("ListPasses").RequireAuthorization(Permissions.ViewPasses);
        passes.MapPost("/", ApplyAsync).WithName("ApplyForPass").RequireAuthorization(Permissions.ApplyPasses);
        passes.MapGet("/{id:long}", GetAsync).WithName("GetPass").RequireAuthorization(Permissions.ViewPasses);
        passes.MapGet("/{id:long}/qr.png", QrAsync).WithName("PassQrCode").RequireAuthorization(Permissions.ViewPasses);
        passes.MapPost("/{id:long}/approve", ApproveAsync).WithName("ApprovePass").RequireAuthorization(Permissions.ApprovePasses);
        passes.MapPost("/{id:long}/reject", RejectAsync).WithName("RejectPass").RequireAuthorization(Permissions.ApprovePasses);
        passes.MapPost("/{id:long}/revoke", RevokeAsync).WithName("RevokePass").RequireAuthorization(Permissions.ApprovePasses);
        passes.MapPut("/quotas", SetQuotaAsync).WithName("SetPassQuota").RequireAuthorization(Permissions.ApprovePasses);
        // Public keys and revocations are what an offline checkpoint needs; any signed-in device may fetch them.
        passes.MapGet("/keys", KeysAsync).WithName("PassKeys");
        passes.MapGet("/revocations", RevocationsAsync).WithName("PassRevocations");
        passes.MapGet("/abuse", AbuseAsync).WithName("PassAbuse").RequireAuthorization(Permissions.ViewPasses);

        var checkpoints = api.MapGroup("/checkpoints").WithTags("Passes");
        checkpoints.MapGet("/", ListCheckpointsAsync).WithName("ListCheckpoints").RequireAuthorization(Permissions.ViewPasses);
        checkpoints.MapPost("/", CreateCheckpointAsync).WithName("CreateCheckpoint").RequireAuthorization(Permissions.ApprovePasses);
        checkpoints.MapPut("/{id:long}/duty", SetDutyAsync).WithName("SetCheckpointDuty").RequireAuthorization(Permissions.ApprovePasses);
        checkpoints.MapPost("/{id:long}/scans", ScanAsync).WithName("RecordPassScans").RequireAuthorization(Permissions.ScanPasses);
        checkpoints.MapGet("/scans", ScansAsync).WithName("ListPassScans").RequireAuthorization(Permissions.ViewPasses);
        checkpoints.MapGet("/throughput", ThroughputAsync).WithName("CheckpointThroughput").RequireAuthorization(Permissions.ViewPasses);
    }

    public static async Task<Results<Ok<Page<ListPasses.Row>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? status, int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListPasses.HandleAsync(db, time, status, page, pageSize, ct)).ToHttp();

    public static async Task<Results<Ok<ApplyForPass.Applied>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        ApplyForPass.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ApplyForPass.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<GetPass.View>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await GetPass.HandleAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var pass = await GetPass.HandleAsync(db, time, id, ct);
        if (!pass.IsSuccess)
        {
            return pass.Error!.ToProblem();
        }

        return pass.Value!.Token is { } token
            ? TypedResults.File(PassQrCode.Png(token), "image/png")
            : TypedResults.Problem(detail: ErrorText.Of("error.web.pass-not-approved-no-code", id), statusCode: StatusCodes.Status409Conflict);
    }

    public static async Task<Results<Ok<DecidePass.Decided>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DecidePass.ApproveAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<Ok<DecidePass.Decided>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        long id, Reason body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DecidePass.RejectAsync(db, time, id, body?.Note, ct)).ToHttp();

    public static async Task<Results<Ok<DecidePass.Decided>, ValidationProblem, ProblemHttpResult>> RevokeAsync(
        long id, Reason body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DecidePass.RevokeAsync(db, time, id, body?.Note, ct)).ToHttp();

    public static async Task<Results<Ok<SetQuota.Quota>, ValidationProblem, ProblemHttpResult>> SetQuotaAsync(
        SetQuota.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SetQuota.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Ok<Keys>> KeysAsync(FangkongDbContext db, CancellationToken ct)
    {
        var keys = await PassKeys.PublicAsync(db, ct);
        return TypedResults.Ok(new Keys([.. keys.Select(k => new Key(k.KeyId, "ES256", Convert.ToBase64String(k.PublicKey), k.CreatedAt, k.RetiredAt, k.LowS))]));
    }

    public static async Task<Ok<Revocations>> RevocationsAsync(DateTimeOffset? since, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var asOf = time.GetUtcNow();
        return TypedResults.Ok(new Revocations(asOf, await PassKeys.RevocationsAsync(db, since, ct)));
    }

    public static async Task<Results<Ok<DetectAbuse.Report>, ValidationProblem, ProblemHttpResult>> AbuseAsync(
        double? km, int? minutes, FangkongDbContext db, TimeProvider time, AbuseSettings configured, CancellationToken ct)
    {
        var settings = configured with { DistanceKm = km ?? configured.DistanceKm, Minutes = minutes ?? configured.Minutes };
        return (await DetectAbuse.HandleAsync(db, time, settings, ct)).ToHttp();
    }

    public static async Task<Ok<IReadOnlyList<Checkpoints.Row>>> ListCheckpointsAsync(FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Checkpoints.ListAsync(db, ct));

    public static async Task<Results<Ok<Checkpoints.Row>, ValidationProblem, ProblemHttpResult>> CreateCheckpointAsync(
        Checkpoints.Command body, FangkongDbContext db, CancellationToken ct) =>
        (await Checkpoints.CreateAsync(db, body, ct)).ToHttp();

    public static async Task<Results<Ok<Checkpoints.Row>, ValidationProblem, ProblemHttpResult>> SetDutyAsync(
        long id, Duty body, FangkongDbContext db, CancellationToken ct) =>
        (await Checkpoints.SetDutyAsync(db, id, body?.OnDuty, ct)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<RecordPassScans.Outcome>>, ValidationProblem, ProblemHttpResult>> ScanAsync(
        long id, ScanBatch body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RecordPassScans.HandleAsync(db, time, id, body?.Scans ?? [], ct)).ToHttp();

    public static async Task<Ok<Page<ScanLog.Row>>> ScansAsync(long? checkpoint, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ScanLog.ListAsync(db, checkpoint, page, pageSize, ct));

    public static async Task<Results<Ok<IReadOnlyList<ScanLog.Hour>>, ValidationProblem, ProblemHttpResult>> ThroughputAsync(
        long? checkpoint, int? hours, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ScanLog.ThroughputAsync(db, time, checkpoint, hours, ct)).ToHttp();
}
