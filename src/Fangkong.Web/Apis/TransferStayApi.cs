using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Quarantine.Stay;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>The stay at the site after the transfer: check-in, tests, release, disinfection and turnover, the person's timeline, round exemptions.</summary>
public static class TransferStayApi
{
    /// <summary>A test day's result; with <c>lab</c>, <c>secondLab</c> and <c>secondResult</c> for 双采双检 (issue 15, rule 4).</summary>
    public sealed record TestBody(
        [Happened] DateTimeOffset? TakenAt, string? Result, [Range(0, InputNumbers.CtMax)] double? CtN, [Range(0, InputNumbers.CtMax)] double? CtOrf,
        [StringLength(Quarantine.Stay.StayTest.LabMaxLength)] string? Lab = null, [StringLength(Quarantine.Stay.StayTest.LabMaxLength)] string? SecondLab = null,
        string? SecondResult = null);

    public sealed record ReleaseBody([Happened] DateTimeOffset? At);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var stay = api.MapGroup("/stay").WithTags("Stay");
        stay.MapPost("/check-in", CheckInAsync).WithName("CheckIn").RequireAuthorization(Permissions.ManageStay);
        stay.MapGet("/tests/due", DueTestsAsync).WithName("DueTests").RequireAuthorization(Permissions.ManageStay);
        stay.MapPost("/placements/{id:long}/tests", RecordTestAsync).WithName("RecordStayTest").RequireAuthorization(Permissions.ManageStay);
        stay.MapPost("/placements/{id:long}/release", ReleaseAsync).WithName("ReleaseFromStay").RequireAuthorization(Permissions.ManageStay);
        stay.MapGet("/placements/{id:long}/timeline", TimelineAsync).WithName("PersonTimeline").RequireAuthorization(Permissions.ViewTransfers);
        stay.MapPost("/disinfections", DisinfectAsync).WithName("Disinfect").RequireAuthorization(Permissions.ManageStay);
        stay.MapGet("/turnover", TurnoverAsync).WithName("Turnover").RequireAuthorization(Permissions.ViewTransfers);
        stay.MapPost("/rounds/{id:long}/exempt", ExemptAsync).WithName("ExemptInQuarantine").RequireAuthorization(Permissions.ManageStay);
    }

    public static async Task<Results<Ok<CheckIn.CheckedIn>, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        CheckIn.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await CheckIn.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<ListDueTests.Listing>, ValidationProblem, ProblemHttpResult>> DueTestsAsync(
        DateOnly? date, long? site, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListDueTests.HandleAsync(db, time, date, site, ct)).ToHttp();

    public static async Task<Results<Ok<RecordStayTest.Recorded>, ValidationProblem, ProblemHttpResult>> RecordTestAsync(
        long id, TestBody body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RecordStayTest.HandleAsync(db, time, new RecordStayTest.Command(id, body?.TakenAt, body?.Result, body?.CtN, body?.CtOrf, body?.Lab, body?.SecondLab, body?.SecondResult), ct)).ToHttp();

    public static async Task<Results<Ok<Release.Released>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        long id, ReleaseBody? body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await Release.HandleAsync(db, time, new Release.Command(id, body?.At), ct)).ToHttp();

    public static async Task<Results<Ok<PersonTimeline.Timeline>, ValidationProblem, ProblemHttpResult>> TimelineAsync(
        long id, FangkongDbContext db, CancellationToken ct) =>
        (await PersonTimeline.HandleAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<Disinfect.Done>, ValidationProblem, ProblemHttpResult>> DisinfectAsync(
        Disinfect.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await Disinfect.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Ok<IReadOnlyList<TurnoverReport.Site>>> TurnoverAsync(DateTimeOffset? since, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await TurnoverReport.HandleAsync(db, time, since, ct));

    public static async Task<Results<Ok<ExemptInQuarantine.Exempted>, ValidationProblem, ProblemHttpResult>> ExemptAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ExemptInQuarantine.HandleAsync(db, time, id, ct)).ToHttp();
}
