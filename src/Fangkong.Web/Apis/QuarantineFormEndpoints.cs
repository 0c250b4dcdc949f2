using System.Globalization;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Quarantine.Allocation;
using Fangkong.Quarantine.Sites;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The quarantine pages' form posts (antiforgery-checked): run the allocation, register a site. Each redirects with its outcome.</summary>
public static class QuarantineFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/quarantine/allocate", AllocateAsync).RequireAuthorization(Permissions.RunAllocation).ExcludeFromDescription();
        app.MapPost("/quarantine/sites", SaveSiteAsync).RequireAuthorization(Permissions.ManageQuarantineSites).ExcludeFromDescription();
    }

    public static async Task<IResult> AllocateAsync([FromForm(Name = "confirm")] string? confirm, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var run = await RunAllocation.HandleAsync(db, time, ct);
        return run.IsSuccess
            ? Results.LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/quarantine/queue?run={run.Value!.RunId}&placed={run.Value.Placed}&unplaced={run.Value.Unplaced}"))
            : Results.LocalRedirect($"/quarantine/queue?error={Uri.EscapeDataString(run.Error!.Message)}");
    }

    public static async Task<IResult> SaveSiteAsync(
        [FromForm(Name = "name")] string? name,
        [FromForm(Name = "kind")] string? kind,
        [FromForm(Name = "region")] string? region,
        [FromForm(Name = "address")] string? address,
        [FromForm(Name = "lat")] double? lat,
        [FromForm(Name = "lon")] double? lon,
        [FromForm(Name = "staff")] int? staff,
        [FromForm(Name = "contact")] string? contact,
        [FromForm(Name = "phone")] string? phone,
        [FromForm(Name = "sections")] int? sections,
        [FromForm(Name = "perSection")] int? perSection,
        [FromForm(Name = "multi")] int? multi,
        [FromForm(Name = "accessible")] int? accessible,
        FangkongDbContext db,
        TimeProvider time,
        CancellationToken ct)
    {
        var saved = await SaveSite.HandleAsync(
            db, time, new SaveSite.Command(name, kind, region, address, lat, lon, staff, contact, phone, sections, perSection, multi ?? 0, 3, accessible ?? 0), ct);
        return saved.IsSuccess
            ? Results.LocalRedirect(string.Create(CultureInfo.InvariantCulture, $"/quarantine/sites?saved={saved.Value!.Id}"))
            : Results.LocalRedirect($"/quarantine/sites?error={Uri.EscapeDataString(saved.Error!.Message)}");
    }
}
