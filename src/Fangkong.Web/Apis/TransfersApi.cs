using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Transfers;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Transfers from home to site (即查即转、日清日结): vehicles, transfer tasks, batches and their steps, the board and the end-of-day list.</summary>
public static class TransfersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var transfers = api.MapGroup("/transfers").WithTags("Transfers");
        transfers.MapGet("/board", BoardAsync).WithName("DispatchBoard").RequireAuthorization(Permissions.ViewTransfers);
        transfers.MapGet("/end-of-day", EndOfDayAsync).WithName("EndOfDayList").RequireAuthorization(Permissions.ViewTransfers);
        transfers.MapPost("/", CreateAsync).WithName("CreateTransfer").RequireAuthorization(Permissions.DispatchTransfers);
        transfers.MapPost("/open", OpenAsync).WithName("OpenTransfers").RequireAuthorization(Permissions.DispatchTransfers);
        transfers.MapPost("/batches", DispatchAsync).WithName("DispatchBatch").RequireAuthorization(Permissions.DispatchTransfers);
        transfers.MapPost("/batches/{id:long}/pick-up", PickUpAsync).WithName("PickUpBatch").RequireAuthorization(Permissions.DispatchTransfers);
        transfers.MapPost("/batches/{id:long}/arrive", ArriveAsync).WithName("ArriveBatch").RequireAuthorization(Permissions.DispatchTransfers);
        transfers.MapGet("/vehicles", VehiclesAsync).WithName("ListVehicles").RequireAuthorization(Permissions.ViewTransfers);
        transfers.MapPost("/vehicles", RegisterVehicleAsync).WithName("RegisterVehicle").RequireAuthorization(Permissions.DispatchTransfers);
        transfers.MapPut("/vehicles/{id:long}/state", SetVehicleStateAsync).WithName("SetVehicleState").RequireAuthorization(Permissions.DispatchTransfers);
        transfers.MapPost("/vehicles/{id:long}/disinfected", DisinfectedAsync).WithName("VehicleDisinfected").RequireAuthorization(Permissions.DispatchTransfers);
    }

    public static async Task<Results<Ok<DispatchBoard.Board>, ValidationProblem, ProblemHttpResult>> BoardAsync(
        string? region, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DispatchBoard.HandleAsync(db, time, region, ct)).ToHttp();

    public static async Task<Results<Ok<EndOfDayList.Listing>, ValidationProblem, ProblemHttpResult>> EndOfDayAsync(
        DateOnly? date, string? region, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await EndOfDayList.HandleAsync(db, time, date, region, ct)).ToHttp();

    public static async Task<Results<Ok<CreateTransfer.Created>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTransfer.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await CreateTransfer.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<OpenTransfers.Opened>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await OpenTransfers.HandleAsync(db, time, ct)).ToHttp();

    public static async Task<Results<Ok<DispatchBatch.Dispatched>, ValidationProblem, ProblemHttpResult>> DispatchAsync(
        DispatchBatch.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DispatchBatch.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<AdvanceBatch.Advanced>, ValidationProblem, ProblemHttpResult>> PickUpAsync(
        long id, AdvanceBatch.PickUpCommand? body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await AdvanceBatch.PickUpAsync(db, time, id, body ?? new AdvanceBatch.PickUpCommand(null, null), ct)).ToHttp();

    public static async Task<Results<Ok<AdvanceBatch.Advanced>, ValidationProblem, ProblemHttpResult>> ArriveAsync(
        long id, AdvanceBatch.ArriveCommand? body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await AdvanceBatch.ArriveAsync(db, time, id, body ?? new AdvanceBatch.ArriveCommand(null), ct)).ToHttp();

    public static async Task<Ok<IReadOnlyList<Vehicles.Row>>> VehiclesAsync(FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Vehicles.ListAsync(db, ct));

    public static async Task<Results<Ok<Vehicles.Row>, ValidationProblem, ProblemHttpResult>> RegisterVehicleAsync(
        Vehicles.Command body, FangkongDbContext db, CancellationToken ct) =>
        (await Vehicles.RegisterAsync(db, body, ct)).ToHttp();

    public static async Task<Results<Ok<Vehicles.Row>, ValidationProblem, ProblemHttpResult>> SetVehicleStateAsync(
        long id, Vehicles.StateCommand body, FangkongDbContext db, CancellationToken ct) =>
        (await Vehicles.SetStateAsync(db, id, body, ct)).ToHttp();

    public static async Task<Results<Ok<Vehicles.Row>, ValidationProblem, ProblemHttpResult>> DisinfectedAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DisinfectVehicle.HandleAsync(db, time, id, ct)).ToHttp();
}
