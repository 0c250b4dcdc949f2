using System.Globalization;
using Fangkong.Access;
using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.InfectionFree;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The infection-free page's form posts (antiforgery-checked): the same use cases as the API, then a redirect.</summary>
public static class InfectionFreeFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/infection-free", ApplyAsync).RequireAuthorization(Permissions.ManageInfectionFree).ExcludeFromDescription();
        app.MapPost("/infection-free/{id:long}/review", ReviewAsync).RequireAuthorization(Permissions.ManageInfectionFree).ExcludeFromDescription();
        app.MapPost("/infection-free/{id:long}/register", RegisterAsync).RequireAuthorization(Permissions.ManageInfectionFree).ExcludeFromDescription();
    }

    public static async Task<IResult> ApplyAsync(
        [FromForm(Name = "kind")] string? kind, [FromForm(Name = "compound")] string? compound, [FromForm(Name = "village")] string? village,
        FangkongDbContext db, TimeProvider time, AreaCriteriaSettings criteria, CancellationToken ct)
    {
        var id = long.TryParse(compound, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (long?)null;
        var applied = await LabelSteps.ApplyAsync(db, time, new LabelSteps.Apply(kind, id, village), criteria, ct);
        return Back(applied);
    }

    public static async Task<IResult> ReviewAsync(long id, FangkongDbContext db, TimeProvider time, AreaCriteriaSettings criteria, CancellationToken ct) =>
        Back(await LabelSteps.ReviewAsync(db, time, id, criteria, ct));

    public static async Task<IResult> RegisterAsync(long id, FangkongDbContext db, TimeProvider time, AreaCriteriaSettings criteria, CancellationToken ct) =>
        Back(await LabelSteps.RegisterAsync(db, time, id, criteria, ct));

    private static IResult Back(Result<LabelSteps.Step> step) =>
        step.IsSuccess
            ? Results.LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/infection-free?done={step.Value!.Id}"))
            : Results.LocalRedirect($"/infection-free?error={Uri.EscapeDataString(step.Error!.Message)}");
}
