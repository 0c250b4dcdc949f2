using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.HomeMonitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The home-monitoring pages' form posts (antiforgery-checked): a day's check-in, a breach, watches from home orders.</summary>
public static class HomeMonitoringFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/home-monitoring/open", OpenAsync).RequireAuthorization(Permissions.RecordHomeMonitoring).ExcludeFromDescription();
        app.MapPost("/home-monitoring/{id:long}/check-in", CheckInAsync).RequireAuthorization(Permissions.RecordHomeMonitoring).ExcludeFromDescription();
        app.MapPost("/home-monitoring/{id:long}/breach", BreachAsync).RequireAuthorization(Permissions.RecordHomeMonitoring).ExcludeFromDescription();
    }

    public static async Task<IResult> OpenAsync([FromForm(Name = "go")] string? go, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var opened = await OpenHomeWatches.FromContactOrdersAsync(db, time, ct);
        return Results.LocalRedirect(opened.IsSuccess
            ? string.Create(CultureInfo.InvariantCulture, $"/home-monitoring?opened={opened.Value!.Count}")
            : "/home-monitoring?error=" + Uri.EscapeDataString(opened.Error!.Message));
    }

    public static async Task<IResult> CheckInAsync(
        long id, [FromForm(Name = "day")] string? day, [FromForm(Name = "temperature")] string? temperature, [FromForm(Name = "symptoms")] string? symptoms,
        [FromForm(Name = "back")] string? back, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var list = (symptoms ?? string.Empty).Split([',', '，', '、', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var recorded = await RecordHomeCheckIn.HandleAsync(db, time, new RecordHomeCheckIn.Command(id, Day(day), Decimal(temperature), list), ct);
        var target = back == "list" ? $"/home-monitoring?date={Escape(day)}" : string.Create(CultureInfo.InvariantCulture, $"/home-monitoring/{id}?x=1");
        return Results.LocalRedirect(recorded.IsSuccess ? target + "&saved=1" : target + "&error=" + Escape(recorded.Error!.Message));
    }

    public static async Task<IResult> BreachAsync(
        long id, [FromForm(Name = "occurredAt")] string? occurredAt, [FromForm(Name = "reportedAt")] string? reportedAt,
        [FromForm(Name = "description")] string? description, [FromForm(Name = "reportedBy")] string? reportedBy,
        FangkongDbContext db, TimeProvider time, HomeMonitoringSettings settings, CancellationToken ct)
    {
        var recorded = await RecordBreach.HandleAsync(db, time, settings,
            new RecordBreach.Command(id, ChinaLocal(occurredAt), ChinaLocal(reportedAt), description, reportedBy), ct);
        var target = string.Create(CultureInfo.InvariantCulture, $"/home-monitoring/{id}");
        return Results.LocalRedirect(recorded.IsSuccess ? target + "?breach=1" : target + "?error=" + Escape(recorded.Error!.Message));
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static decimal? Decimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>A datetime-local field is China time without an offset.</summary>
    private static DateTimeOffset? ChinaLocal(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset)
            : null;

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);
}
