using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Stay;
using Fangkong.Quarantine.Transfers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>
/// The dispatch board's form posts (antiforgery-checked): open transfers, dispatch a batch, pick-up,
/// arrival, check-in, register a vehicle. Each calls the API's use case and redirects back to the
/// board with the outcome, so a reload never posts twice.
/// </summary>
public static class TransferFormEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/dispatch/open", OpenAsync).RequireAuthorization(Permissions.DispatchTransfers).ExcludeFromDescription();
        app.MapPost("/dispatch/batches", DispatchAsync).RequireAuthorization(Permissions.DispatchTransfers).ExcludeFromDescription();
        app.MapPost("/dispatch/batches/{id:long}/pick-up", PickUpAsync).RequireAuthorization(Permissions.DispatchTransfers).ExcludeFromDescription();
        app.MapPost("/dispatch/batches/{id:long}/arrive", ArriveAsync).RequireAuthorization(Permissions.DispatchTransfers).ExcludeFromDescription();
        app.MapPost("/dispatch/transfers/{id:long}/check-in", CheckInAsync).RequireAuthorization(Permissions.ManageStay).ExcludeFromDescription();
        app.MapPost("/dispatch/vehicles", RegisterVehicleAsync).RequireAuthorization(Permissions.DispatchTransfers).ExcludeFromDescription();
    }

    // The hidden field "go" only carries the antiforgery check for forms that post nothing else.
    public static async Task<IResult> OpenAsync([FromForm(Name = "go")] string? go, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var opened = await OpenTransfers.HandleAsync(db, time, ct);
        return Back(opened.IsSuccess ? $"opened={opened.Value!.Count}" : Error(opened.Error!));
    }

    public static async Task<IResult> DispatchAsync(
        [FromForm(Name = "vehicle")] long? vehicle, HttpRequest request, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await request.ReadFormAsync(ct);
        var ids = Ids(form["transfer"]);
        var dispatched = await DispatchBatch.HandleAsync(db, time, new DispatchBatch.Command(vehicle, ids, null), ct);
        return Back(dispatched.IsSuccess ? Invariant($"dispatched={dispatched.Value!.BatchId}") : Error(dispatched.Error!));
    }

    public static async Task<IResult> PickUpAsync(long id, [FromForm(Name = "go")] string? go, HttpRequest request, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var form = await request.ReadFormAsync(ct);
        var picked = await AdvanceBatch.PickUpAsync(db, time, id, new AdvanceBatch.PickUpCommand(Ids(form["absent"]), null), ct);
        return Back(picked.IsSuccess ? Invariant($"picked={id}") : Error(picked.Error!));
    }

    public static async Task<IResult> ArriveAsync(long id, [FromForm(Name = "go")] string? go, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var arrived = await AdvanceBatch.ArriveAsync(db, time, id, new AdvanceBatch.ArriveCommand(null), ct);
        return Back(arrived.IsSuccess ? Invariant($"arrived={id}") : Error(arrived.Error!));
    }

    public static async Task<IResult> CheckInAsync(long id, [FromForm(Name = "go")] string? go, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var done = await CheckIn.HandleAsync(db, time, new CheckIn.Command(id, null, null), ct);
        return Back(done.IsSuccess ? Invariant($"checkedIn={id}") : Error(done.Error!));
    }

    public static async Task<IResult> RegisterVehicleAsync(
        [FromForm(Name = "plate")] string? plate, [FromForm(Name = "capacity")] int? capacity, [FromForm(Name = "crew")] string? crew,
        [FromForm(Name = "region")] string? region, FangkongDbContext db, CancellationToken ct)
    {
        var registered = await Vehicles.RegisterAsync(db, new Vehicles.Command(plate, capacity, crew, region), ct);
        return Back(registered.IsSuccess ? "vehicle=ok" : Error(registered.Error!));
    }

    private static List<long> Ids(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).Where(n => n > 0)];

    private static IResult Back(string query) => Results.LocalRedirect("/dispatch?" + query);

    private static string Error(Error error) => "error=" + Uri.EscapeDataString(error.Message);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
