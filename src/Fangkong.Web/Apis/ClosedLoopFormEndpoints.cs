using System.Globalization;
using Fangkong.Access;
using Fangkong.ClosedLoop;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The closed-loop pages' form posts (antiforgery-checked): the same use cases as the API, then a redirect.</summary>
public static class ClosedLoopFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/closed-loops", CreateAsync).RequireAuthorization(Permissions.ManageClosedLoop).ExcludeFromDescription();
        app.MapPost("/closed-loops/{id:long}/members", AddMemberAsync).RequireAuthorization(Permissions.ManageClosedLoop).ExcludeFromDescription();
        app.MapPost("/closed-loops/{id:long}/detect", DetectAsync).RequireAuthorization(Permissions.ManageClosedLoop).ExcludeFromDescription();
    }

    public static async Task<IResult> CreateAsync(
        [FromForm(Name = "name")] string? name, [FromForm(Name = "unit")] string? unit, [FromForm(Name = "place")] string? place,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var created = await CreateGroup.HandleAsync(db, time, new CreateGroup.Command(name, Id(unit), Id(place)), ct);
        return created.IsSuccess
            ? Results.LocalRedirect(Invariant($"/closed-loops/{created.Value!.Id}"))
            : Results.LocalRedirect($"/closed-loops?error={Escape(created.Error!.Message)}");
    }

    public static async Task<IResult> AddMemberAsync(
        long id, [FromForm(Name = "idNumber")] string? idNumber, [FromForm(Name = "role")] string? role, [FromForm(Name = "quarters")] string? quarters,
        [FromForm(Name = "schedule")] string? schedule, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var added = await AddMember.HandleAsync(db, time, id, new AddMember.Command(idNumber, role, quarters, schedule, null), ct);
        return added.IsSuccess
            ? Results.LocalRedirect(Invariant($"/closed-loops/{id}"))
            : Results.LocalRedirect(Invariant($"/closed-loops/{id}?error={Escape(added.Error!.Message)}"));
    }

    public static async Task<IResult> DetectAsync(long id, [FromForm(Name = "day")] string? day, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var on = DateOnly.TryParse(day, CultureInfo.InvariantCulture, out var d) ? d : ChinaTime.Today(time);
        var detected = await DetectBreaches.HandleAsync(db, time, on, id, ct);
        return detected.IsSuccess
            ? Results.LocalRedirect(Invariant($"/closed-loops/{id}?day={on:yyyy-MM-dd}&detected={detected.Value!.New}"))
            : Results.LocalRedirect(Invariant($"/closed-loops/{id}?error={Escape(detected.Error!.Message)}"));
    }

    private static long? Id(string? text) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string Escape(string? value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
