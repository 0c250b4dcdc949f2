using Fangkong.Common;
using System.Globalization;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Passes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>
/// The pass and checkpoint pages' form posts (antiforgery-checked). Each calls the same use case
/// as the API and redirects to a page with the outcome in the query string, so a reload never posts twice.
/// </summary>
public static class PassFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/passes/apply", ApplyAsync).RequireAuthorization(Permissions.ApplyPasses).ExcludeFromDescription();
        app.MapPost("/passes/{id:long}/approve", ApproveAsync).RequireAuthorization(Permissions.ApprovePasses).ExcludeFromDescription();
        app.MapPost("/passes/{id:long}/reject", RejectAsync).RequireAuthorization(Permissions.ApprovePasses).ExcludeFromDescription();
        app.MapPost("/passes/{id:long}/revoke", RevokeAsync).RequireAuthorization(Permissions.ApprovePasses).ExcludeFromDescription();
        app.MapPost("/passes/quotas", SetQuotaAsync).RequireAuthorization(Permissions.ApprovePasses).ExcludeFromDescription();
        app.MapPost("/checkpoints", CreateCheckpointAsync).RequireAuthorization(Permissions.ApprovePasses).ExcludeFromDescription();
        app.MapPost("/checkpoints/{id:long}/scan", ScanAsync).RequireAuthorization(Permissions.ScanPasses).ExcludeFromDescription();
    }

    public static async Task<IResult> ApplyAsync(
        [FromForm(Name = "kind")] string? kind,
        [FromForm(Name = "unit")] long? unit,
        [FromForm(Name = "regions")] string? regions,
        [FromForm(Name = "holderName")] string? holderName,
        [FromForm(Name = "idNumber")] string? idNumber,
        [FromForm(Name = "plate")] string? plate,
        [FromForm(Name = "purpose")] string? purpose,
        [FromForm(Name = "from")] string? from,
        [FromForm(Name = "to")] string? to,
        FangkongDbContext db,
        TimeProvider time,
        CancellationToken ct)
    {
        var list = (regions ?? string.Empty).Split([' ', ',', '，', '、', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var applied = await ApplyForPass.HandleAsync(
            db, time, new ApplyForPass.Command(kind, unit, list, holderName, idNumber, plate, purpose, ChinaLocal(from), ChinaLocal(to)), ct);
        return applied.IsSuccess
            ? Results.LocalRedirect(Invariant($"/passes/{applied.Value!.Id}"))
            : Results.LocalRedirect($"/passes/apply?error={Escape(applied.Error!.Message)}&kind={Escape(kind)}&regions={Escape(regions)}&holderName={Escape(holderName)}&plate={Escape(plate)}&purpose={Escape(purpose)}");
    }

    public static async Task<IResult> ApproveAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var decided = await DecidePass.ApproveAsync(db, time, id, ct);
        return decided.IsSuccess
            ? Results.LocalRedirect(Invariant($"/passes/{id}"))
            : Results.LocalRedirect($"/passes?status=applied&error={Escape(decided.Error!.Message)}");
    }

    public static async Task<IResult> RejectAsync(long id, [FromForm(Name = "note")] string? note, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var decided = await DecidePass.RejectAsync(db, time, id, note, ct);
        return decided.IsSuccess
            ? Results.LocalRedirect(Invariant($"/passes/{id}"))
            : Results.LocalRedirect($"/passes?status=applied&error={Escape(decided.Error!.Message)}");
    }

    public static async Task<IResult> RevokeAsync(long id, [FromForm(Name = "note")] string? note, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var decided = await DecidePass.RevokeAsync(db, time, id, note, ct);
        return decided.IsSuccess
            ? Results.LocalRedirect(Invariant($"/passes/{id}"))
            : Results.LocalRedirect(Invariant($"/passes/{id}?error={Escape(decided.Error!.Message)}"));
    }

    public static async Task<IResult> SetQuotaAsync(
        [FromForm(Name = "unit")] long? unit, [FromForm(Name = "kind")] string? kind, [FromForm(Name = "limit")] int? limit,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var set = await SetQuota.HandleAsync(db, time, new SetQuota.Command(unit, kind, limit), ct);
        return set.IsSuccess
            ? Results.LocalRedirect("/passes?status=applied&quota=ok")
            : Results.LocalRedirect($"/passes?status=applied&error={Escape(set.Error!.Message)}");
    }

    public static async Task<IResult> CreateCheckpointAsync(
        [FromForm(Name = "name")] string? name, [FromForm(Name = "region")] string? region, [FromForm(Name = "location")] string? location,
        [FromForm(Name = "lat")] string? lat, [FromForm(Name = "lon")] string? lon, [FromForm(Name = "onDuty")] string? onDuty,
        FangkongDbContext db, CancellationToken ct)
    {
        var created = await Checkpoints.CreateAsync(db, new Checkpoints.Command(name, region, location, Number(lat), Number(lon), onDuty), ct);
        return created.IsSuccess
            ? Results.LocalRedirect("/checkpoints")
            : Results.LocalRedirect($"/checkpoints?error={Escape(created.Error!.Message)}");
    }

    public static async Task<IResult> ScanAsync(
        long id, [FromForm(Name = "clientId")] string? clientId, [FromForm(Name = "token")][MultiLine] string? token,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        // The page shows the stored scan by its id, or a fixed message by its code: no verdict and
        // no free text travels in the URL, so a crafted link cannot show a verdict (issue 14 item 2).
        var back = Invariant($"/checkpoints/{id}/scan");
        var scanned = await RecordPassScans.HandleAsync(db, time, id, [new RecordPassScans.Scan(clientId, token, null)], ct);
        return scanned.IsSuccess
            ? Results.LocalRedirect(Invariant($"{back}?scan={scanned.Value![0].ScanId}"))
            : Results.LocalRedirect($"{back}?error={scanned.Error!.Kind.ToString().ToLowerInvariant()}");
    }

    /// <summary>A datetime-local field is China time (UTC+8) without an offset.</summary>
    private static DateTimeOffset? ChinaLocal(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset)
            : null;

    /// <summary>An optional number field: empty is null (minimal API binding would refuse the empty string).</summary>
    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
