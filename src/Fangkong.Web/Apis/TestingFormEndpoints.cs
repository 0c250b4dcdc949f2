using System.Globalization;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>
/// The testing pages' form posts (antiforgery-checked): create a round, record one swab at the
/// console, upload lab results. Each calls the same use case as the API and redirects back to a
/// page with the outcome in the query string, so a reload never posts twice. A refused upload's
/// lines are kept on the server (<see cref="UploadReports"/>), since they may not fit in a URL.
/// </summary>
public static class TestingFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/testing/rounds", CreateRoundAsync).RequireAuthorization(Permissions.ManageRounds).ExcludeFromDescription();
        app.MapPost("/testing/{id:long}/scans", RecordScanAsync).RequireAuthorization(Permissions.RecordSamples).ExcludeFromDescription();
        app.MapPost("/testing/results/upload", UploadResultsAsync).RequireAuthorization(Permissions.RecordResults).ExcludeFromDescription();
        app.MapPost("/testing/points", SavePointAsync).RequireAuthorization(Permissions.ManageSamplingPoints).ExcludeFromDescription();
        app.MapPost("/testing/alerts/{id:long}/acknowledge", AcknowledgeAlertAsync).RequireAuthorization(Permissions.RecordSamples).ExcludeFromDescription();
    }

    /// <summary>The alerts page's button; the form field <c>confirm</c> makes the antiforgery check run.</summary>
    public static async Task<IResult> AcknowledgeAlertAsync(long id, [FromForm(Name = "confirm")] string? confirm, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var done = await AcknowledgeAlert.HandleAsync(db, time, id, ct);
        return done.IsSuccess ? Results.LocalRedirect("/testing/alerts") : Results.LocalRedirect($"/testing/alerts?error={Uri.EscapeDataString(done.Error!.Message)}");
    }

    /// <summary>The points page's form: samplers are one field, separated by commas, spaces or 、.</summary>
    public static async Task<IResult> SavePointAsync(
        [FromForm(Name = "region")] string? region,
        [FromForm(Name = "name")] string? name,
        [FromForm(Name = "kind")] string? kind,
        [FromForm(Name = "opensAt")] string? opensAt,
        [FromForm(Name = "closesAt")] string? closesAt,
        [FromForm(Name = "samplers")] string? samplers,
        FangkongDbContext db,
        CancellationToken ct)
    {
        var list = (samplers ?? string.Empty).Split([',', '，', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var saved = await SaveSamplingPoint.HandleAsync(db, new SaveSamplingPoint.Command(region, name, kind, null, opensAt, closesAt, list), ct);
        return saved.IsSuccess
            ? Results.LocalRedirect($"/testing/points?region={Uri.EscapeDataString(saved.Value!.RegionCode)}&saved={Uri.EscapeDataString(saved.Value.Name)}")
            : Results.LocalRedirect($"/testing/points?region={Uri.EscapeDataString(region ?? string.Empty)}&error={Uri.EscapeDataString(saved.Error!.Message)}");
    }

    public static async Task<IResult> CreateRoundAsync(
        [FromForm(Name = "name")] string? name,
        [FromForm(Name = "region")] string? region,
        [FromForm(Name = "poolSize")] int? poolSize,
        [FromForm(Name = "hours")] double? hours,
        FangkongDbContext db,
        TimeProvider time,
        CancellationToken ct)
    {
        var duration = hours is { } h ? TimeSpan.FromHours(h) : (TimeSpan?)null;
        var created = await CreateRound.HandleAsync(db, time, new CreateRound.Command(name ?? string.Empty, region ?? string.Empty, poolSize, null, duration), ct);
        return created.IsSuccess
            ? Results.LocalRedirect(Invariant($"/testing/{created.Value!.Id}"))
            : Results.LocalRedirect($"/testing?error={Escape(created.Error!.Message)}&name={Escape(name)}&region={Escape(region)}");
    }

    public static async Task<IResult> RecordScanAsync(
        long id,
        [FromForm(Name = "clientId")] string? clientId,
        [FromForm(Name = "tube")] string? tube,
        [FromForm(Name = "idNumber")] string? idNumber,
        [FromForm(Name = "point")] string? point,
        [FromForm(Name = "poolSize")] int? poolSize,
        FangkongDbContext db,
        TimeProvider time,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(time);
        var scan = new RecordScans.Scan(clientId ?? string.Empty, tube ?? string.Empty, idNumber ?? string.Empty, time.GetUtcNow(), point ?? string.Empty, poolSize);
        var recorded = await RecordScans.HandleAsync(db, id, [scan], ct);
        var back = Invariant($"/testing/{id}/console?tube={Escape(tube)}&point={Escape(point)}&poolSize={poolSize}");
        if (!recorded.IsSuccess)
        {
            return Results.LocalRedirect($"{back}&reason={Escape(recorded.Error!.Message)}&outcome={RecordScans.Outcome.Refused}");
        }

        var result = recorded.Value![0];
        var reason = result.Reason is null ? string.Empty : $"&reason={Escape(result.Reason)}";
        return Results.LocalRedirect($"{back}&outcome={result.Outcome}{reason}");
    }

    public static async Task<IResult> UploadResultsAsync(
        [FromForm(Name = "lab")] string? lab,
        [FromForm(Name = "lines")][MultiLine][System.ComponentModel.DataAnnotations.MaxLength(1 << 20)] string? lines,
        FangkongDbContext db,
        TimeProvider time,
        UploadReports reports,
        HttpContext http,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(reports);
        var parsed = ResultLines.Parse(lines, lab ?? string.Empty);
        if (parsed.Errors.Count > 0 || parsed.Rows.Count == 0)
        {
            var message = parsed.Rows.Count == 0 && parsed.Errors.Count == 0
                ? "没有结果行 (No result lines were given)."
                : $"结果未导入，{parsed.Errors.Count} 处错误 (Nothing was recorded: {parsed.Errors.Count} bad row(s)).";
            return Refused(message, parsed.Errors);
        }

        var recorded = await RecordResults.RecordAsync(db, time, parsed.Rows, ct);
        if (recorded.Error is { } error)
        {
            return Refused(
                recorded.Refused.Count > 0 ? $"结果未导入，{recorded.Refused.Count} 处错误 (Nothing was recorded: {recorded.Refused.Count} bad row(s))." : error.Message,
                recorded.Refused);
        }

        // Tracing acts on members wherever they live, so it runs as the system, right away (as the API does).
        await using var system = http.RequestServices.CreateSystemContext();
        var tracing = await TracePools.HandleAsync(system, time, recorded.Recorded!.TubesToTrace, ct);
        return Results.LocalRedirect(Invariant(
            $"/testing/results?recorded={recorded.Recorded.Results}&unchanged={recorded.Recorded.Unchanged}&controlled={tracing.PeopleControlled}&tasks={tracing.TasksCreated}&lab={Escape(lab)}"));

        // The refused lines stay on the server; the redirect carries a short id only.
        IResult Refused(string summary, IReadOnlyList<RecordResults.Refusal> refused)
        {
            var id = reports.Keep(db.Jurisdiction.UserName, summary, refused);
            return Results.LocalRedirect($"/testing/results?report={id}&lab={Escape(lab)}");
        }
    }

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
