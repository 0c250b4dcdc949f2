using System.Globalization;
using Fangkong.Access;
using Fangkong.Cases.Bulletins;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>
/// The supervision pages' form posts (antiforgery-checked): plan, start, record and complete an
/// inspection; rectify, verify, reject a finding and attach evidence; publish a bulletin. Each
/// calls the same use case as the API and redirects with the outcome, so a reload never posts twice.
/// </summary>
public static class SupervisionFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/inspections/plan", PlanAsync).RequireAuthorization(Permissions.ConductInspections).ExcludeFromDescription();
        app.MapPost("/inspections/{id:long}/start", StartAsync).RequireAuthorization(Permissions.ConductInspections).ExcludeFromDescription();
        app.MapPost("/inspections/{id:long}/record", RecordAsync).RequireAuthorization(Permissions.ConductInspections).ExcludeFromDescription();
        app.MapPost("/inspections/{id:long}/complete", CompleteAsync).RequireAuthorization(Permissions.ConductInspections).ExcludeFromDescription();
        app.MapPost("/findings/{id:long}/rectify", RectifyAsync).RequireAuthorization(Permissions.RectifyFindings).ExcludeFromDescription();
        app.MapPost("/findings/{id:long}/verify", VerifyAsync).RequireAuthorization(Permissions.ConductInspections).ExcludeFromDescription();
        app.MapPost("/findings/{id:long}/reject", RejectAsync).RequireAuthorization(Permissions.ConductInspections).ExcludeFromDescription();
        app.MapPost("/findings/{id:long}/evidence", EvidenceAsync).RequireAuthorization(Permissions.ViewSupervision).ExcludeFromDescription();
        app.MapPost("/supervision/notices/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Permissions.ViewSupervision).ExcludeFromDescription();
        app.MapPost("/supervision/bulletins/publish", PublishAsync).RequireAuthorization(Permissions.PublishBulletin).ExcludeFromDescription();
    }

    public static async Task<IResult> PlanAsync(
        [FromForm(Name = "kind")] InspectionKind kind, [FromForm(Name = "targetKind")] InspectionTargetKind targetKind, [FromForm(Name = "region")] string? region,
        [FromForm(Name = "placeId")] string? placeId, [FromForm(Name = "organisationId")] string? organisationId, [FromForm(Name = "checklist")] string? checklist,
        [FromForm(Name = "inspectors")] string? inspectors, [FromForm(Name = "plannedOn")] string? plannedOn, [FromForm(Name = "reviewOf")] string? reviewOf,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var day = DateOnly.TryParse(plannedOn, CultureInfo.InvariantCulture, out var d) ? d : ChinaTime.Today(time);
        var names = (inspectors ?? string.Empty).Split([' ', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries);
        var planned = await PlanInspection.HandleAsync(db, time, new PlanInspection.Command(
            kind, targetKind, region, Number(placeId), Number(organisationId), checklist ?? string.Empty, names, day, Number(reviewOf)), ct);
        return planned.IsSuccess
            ? Results.LocalRedirect(Invariant($"/inspections/{planned.Value!.Id}"))
            : Results.LocalRedirect($"/inspections?error={Escape(planned.Error!.Message)}");
    }

    public static async Task<IResult> StartAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        Back(id, await ConductInspection.StartAsync(db, time, id, ct));

    public static async Task<IResult> RecordAsync(
        long id, [FromForm(Name = "item")] long item, [FromForm(Name = "outcome")] ItemOutcome outcome, [FromForm(Name = "note")] string? note,
        [FromForm(Name = "official")] string? official, [FromForm(Name = "deadline")] string? deadline,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        // The official option carries "unit:official", so that the finding's unit is the official's.
        long? unit = null, person = null;
        if (official?.Split(':') is [var u, var p])
        {
            (unit, person) = (Number(u), Number(p));
        }

        var recorded = await ConductInspection.RecordAsync(db, time, new ConductInspection.Record(id, item, outcome, note, unit, person, ChinaLocal(deadline)), ct);
        return recorded.IsSuccess
            ? Results.LocalRedirect(Invariant($"/inspections/{id}#item-{recorded.Value!.ItemNo}"))
            : Results.LocalRedirect(Invariant($"/inspections/{id}?error={Escape(recorded.Error!.Message)}"));
    }

    public static async Task<IResult> CompleteAsync(long id, [FromForm(Name = "summary")][MultiLine] string? summary, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        Back(id, await ConductInspection.CompleteAsync(db, time, id, summary, ct));

    public static async Task<IResult> RectifyAsync(long id, [FromForm(Name = "text")][MultiLine] string? text, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        BackToFinding(id, await FindingTransitions.SubmitRectificationAsync(db, time, id, text, ct));

    public static async Task<IResult> VerifyAsync(long id, [FromForm(Name = "review")] string? review, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        BackToFinding(id, await FindingTransitions.VerifyAsync(db, time, id, Number(review), ct));

    public static async Task<IResult> RejectAsync(long id, [FromForm(Name = "note")] string? note, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        BackToFinding(id, await FindingTransitions.RejectAsync(db, time, id, note, ct));

    public static async Task<IResult> EvidenceAsync(long id, HttpRequest request, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var read = await FindingsApi.ReadUploadAsync(request, ct);
        if (!read.IsSuccess)
        {
            return Results.LocalRedirect(Invariant($"/findings/{id}?error={Escape(read.Error!.Message)}"));
        }

        var (name, type, bytes, note) = read.Value;
        return BackToFinding(id, await AddEvidence.HandleAsync(db, time, new AddEvidence.Command(id, name, type, bytes, note), ct));
    }

    public static async Task<IResult> AcknowledgeAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var acknowledged = await ListNotices.AcknowledgeAsync(db, time, id, ct);
        return acknowledged.IsSuccess
            ? Results.LocalRedirect("/supervision")
            : Results.LocalRedirect($"/supervision?error={Escape(acknowledged.Error!.Message)}");
    }

    public static async Task<IResult> PublishAsync(
        [FromForm(Name = "region")] string? region, [FromForm(Name = "date")] string? date, [FromForm(Name = "correction")] string? correction,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Results.LocalRedirect($"/supervision/bulletins?error={Escape("日期应为 YYYY-MM-DD (The date must be YYYY-MM-DD).")}");
        }

        var published = await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command(region, day, correction), ct);
        return published.IsSuccess
            ? Results.LocalRedirect(Invariant($"/supervision/bulletins?published={published.Value!.Id}"))
            : Results.LocalRedirect($"/supervision/bulletins?error={Escape(published.Error!.Message)}");
    }

    private static IResult Back<T>(long id, Result<T> result) => result.IsSuccess
        ? Results.LocalRedirect(Invariant($"/inspections/{id}"))
        : Results.LocalRedirect(Invariant($"/inspections/{id}?error={Escape(result.Error!.Message)}"));

    private static IResult BackToFinding<T>(long id, Result<T> result) => result.IsSuccess
        ? Results.LocalRedirect(Invariant($"/findings/{id}"))
        : Results.LocalRedirect(Invariant($"/findings/{id}?error={Escape(result.Error!.Message)}"));

    /// <summary>A datetime-local field is China time (UTC+8) without an offset.</summary>
    private static DateTimeOffset? ChinaLocal(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset)
            : null;

    private static long? Number(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string Escape(string? s) => Uri.EscapeDataString(s ?? string.Empty);

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
