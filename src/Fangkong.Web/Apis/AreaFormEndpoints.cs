using System.Globalization;
using Fangkong.Access;
using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The area pages' form posts (antiforgery-checked): the same use cases as the API, then a redirect with the outcome.</summary>
public static class AreaFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/areas/evaluate", EvaluateAsync).RequireAuthorization(Permissions.ManageAreas).ExcludeFromDescription();
        app.MapPost("/areas/designate", DesignateAsync).RequireAuthorization(Permissions.ApproveAreas).ExcludeFromDescription();
        app.MapPost("/areas/proposals/{id:long}/decide", DecideAsync).RequireAuthorization(Permissions.ApproveAreas).ExcludeFromDescription();
    }

    public static async Task<IResult> EvaluateAsync(
        [FromForm(Name = "scope")] string? scope, [FromForm(Name = "day")] string? day,
        FangkongDbContext db, TimeProvider time, AreaCriteriaSettings settings, CancellationToken ct)
    {
        var on = Day(day) ?? ChinaTime.Today(time);
        var region = string.IsNullOrWhiteSpace(scope) ? db.Jurisdiction.RegionPrefix : scope.Trim();
        var result = region.Length == 0
            ? Result<ProposeAreaChanges.Summary>.Fail(Error.Invalid("scope", ErrorText.Of("error.web.give-region-evaluate")))
            : await ProposeAreaChanges.HandleAsync(db, time, region, on, settings, ct);
        return result.IsSuccess
            ? Results.LocalRedirect(Invariant($"/areas?evaluated={result.Value!.Compounds}&proposed={result.Value.Proposed}&kept={result.Value.Kept}&superseded={result.Value.Superseded}"))
            : Results.LocalRedirect($"/areas?error={Escape(result.Error!.Message)}");
    }

    public static async Task<IResult> DesignateAsync(
        [FromForm(Name = "kind")] string? kind, [FromForm(Name = "region")] string? region, [FromForm(Name = "unit")] string? unit,
        [FromForm(Name = "level")] string? level, [FromForm(Name = "startsOn")] string? startsOn, [FromForm(Name = "reason")] string? reason,
        [FromForm(Name = "approvingBody")] string? approvingBody, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (!Enum.TryParse<AreaUnitKind>(kind, ignoreCase: true, out var k) || !Enum.IsDefined(k) || !Enum.TryParse<AreaLevel>(level, ignoreCase: true, out var l) || !Enum.IsDefined(l))
        {
            return Results.LocalRedirect($"/areas?error={Escape("请选择单元类型和分区等级 (choose the kind of unit and the level).")}");
        }

        long? unitId = long.TryParse(unit, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        var created = await DesignateArea.HandleAsync(
            db, new DesignateArea.Command(k, region, unitId, l, Day(startsOn) ?? ChinaTime.Today(time), reason ?? string.Empty, approvingBody ?? string.Empty), ct);
        return created.IsSuccess
            ? Results.LocalRedirect(Invariant($"/areas?designated={created.Value!.Id}"))
            : Results.LocalRedirect($"/areas?error={Escape(created.Error!.Message)}");
    }

    public static async Task<IResult> DecideAsync(
        long id, [FromForm(Name = "decision")] string? decision, [FromForm(Name = "reason")] string? reason,
        [FromForm(Name = "approvingBody")] string? approvingBody, [FromForm(Name = "on")] string? on,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var approve = string.Equals(decision, "approve", StringComparison.Ordinal);
        var decided = await DecideAreaProposal.HandleAsync(
            db, time, new DecideAreaProposal.Command(id, approve, reason ?? string.Empty, approvingBody, Day(on) ?? ChinaTime.Today(time)), ct);
        return decided.IsSuccess
            ? Results.LocalRedirect(Invariant($"/areas?decided={id}"))
            : Results.LocalRedirect($"/areas?error={Escape(decided.Error!.Message)}");
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
