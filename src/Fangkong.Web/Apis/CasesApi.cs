using System.Globalization;
using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>Cases, contacts and the daily bulletin (issue 4): lists (audited, masked), line-list and contacts uploads, the release check.</summary>
public static class CasesApi
{
    public sealed record ReleaseCheck(string? CaseNo, IReadOnlyList<ReleaseCriterion.Test>? Tests, ReleaseCriterion.Clinical? Clinical = null);

    public sealed record Release(string? CaseNo, [Happened] DateOnly? On, IReadOnlyList<ReleaseCriterion.Test>? Tests, ReleaseCriterion.Clinical? Clinical = null);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cases = api.MapGroup("/cases").WithTags("Cases").RequireAuthorization(Permissions.ViewCases);
        cases.MapGet("/", ListCasesAsync).WithName("ListCases");
        cases.MapGet("/{id:long}", GetCaseAsync).WithName("GetCase");
        cases.MapPost("/import", ImportCasesAsync).WithName("ImportCases").RequireAuthorization(Permissions.ManageCases).DisableAntiforgery();
        cases.MapPost("/release-check", CheckReleaseAsync).WithName("CheckRelease");
        cases.MapPost("/release", RecordReleaseAsync).WithName("RecordRelease").RequireAuthorization(Permissions.ManageCases);
        cases.MapGet("/pending-positives", ListPendingPositivesAsync).WithName("ListPendingPositives");
        cases.MapPost("/from-positive", ReportPositiveAsync).WithName("ReportPositive").RequireAuthorization(Permissions.ManageCases);

        var contacts = api.MapGroup("/contacts").WithTags("Cases").RequireAuthorization(Permissions.ViewCases);
        contacts.MapGet("/", ListContactsAsync).WithName("ListContacts");
        contacts.MapPost("/import", ImportContactsAsync).WithName("ImportContacts").RequireAuthorization(Permissions.ManageCases).DisableAntiforgery();

        var reports = api.MapGroup("/reports").WithTags("Cases").RequireAuthorization(Permissions.ViewBulletin);
        reports.MapGet("/daily", DailyAsync).WithName("DailyBulletin");
    }

    public static async Task<Results<Ok<Page<CaseView>>, ValidationProblem, ProblemHttpResult>> ListCasesAsync(
        string? q, string? region, string? type, DateOnly? from, DateOnly? to, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListCases.HandleAsync(db, new ListCases.Query(q, region, type, from, to, page, pageSize), ct)).ToHttp();

    /// <summary>Positives handed over by testing that no case has been made of yet, the longest waiting first.</summary>
    public static async Task<Ok<Page<ListPendingPositives.Item>>> ListPendingPositivesAsync(
        int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await ListPendingPositives.HandleAsync(db, time, page, pageSize, ct));

    /// <summary>Makes a case of a positive: <c>{"positiveId": 1, "type": "confirmed", "severity": "mild", "caseNo": null, "reportedOn": null}</c>.</summary>
    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ReportPositiveAsync(
        ReportPositive.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ReportPositive.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> GetCaseAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await GetCase.HandleAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<ImportCases.Imported>, ValidationProblem, ProblemHttpResult>> ImportCasesAsync(
        IFormFile file, string? encoding, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await UploadedCsv.ImportAsync(file, encoding, path => ImportCases.HandleAsync(db, time, path, ct), ct)).ToHttp();

    public static async Task<Results<Ok<ImportContacts.Imported>, ValidationProblem, ProblemHttpResult>> ImportContactsAsync(
        IFormFile file, string? encoding, FangkongDbContext db, CancellationToken ct) =>
        (await UploadedCsv.ImportAsync(file, encoding, path => ImportContacts.HandleAsync(db, path, ct), ct)).ToHttp();

    public static async Task<Results<Ok<CheckRelease.Answer>, ValidationProblem, ProblemHttpResult>> CheckReleaseAsync(
        ReleaseCheck body, FangkongDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.CaseNo))
        {
            return Result<CheckRelease.Answer>.Fail(Error.Invalid("caseNo", ErrorText.Of("error.web.caseno-required"))).ToHttp();
        }

        return (await CheckRelease.HandleAsync(db, body.CaseNo.Trim(), body.Tests ?? [], body.Clinical, ct)).ToHttp();
    }

    public static async Task<Results<Ok<RecordRelease.Recorded>, ValidationProblem, ProblemHttpResult>> RecordReleaseAsync(
        Release body, FangkongDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(body.CaseNo))
        {
            return Result<RecordRelease.Recorded>.Fail(Error.Invalid("caseNo", ErrorText.Of("error.web.caseno-required"))).ToHttp();
        }

        if (body.On is not { } on)
        {
            return Result<RecordRelease.Recorded>.Fail(Error.Invalid("on", ErrorText.Of("error.web.required"))).ToHttp();
        }

        return (await RecordRelease.HandleAsync(db, new RecordRelease.Command(body.CaseNo.Trim(), on, body.Tests ?? [], body.Clinical), ct)).ToHttp();
    }

    public static async Task<Results<Ok<Page<ContactView>>, ValidationProblem, ProblemHttpResult>> ListContactsAsync(
        string? region, string? kind, string? sourceCaseNo, string? sourceContactNo, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListContacts.HandleAsync(db, new ListContacts.Query(region, kind, sourceCaseNo, sourceContactNo, page, pageSize), ct)).ToHttp();

    /// <summary>The bulletin's figures and texts as JSON; <c>format=text</c> gives the Chinese text alone (<c>lang=en</c> the English).</summary>
    public static async Task<IResult> DailyAsync(string? date, string? region, string? format, string? lang, FangkongDbContext db, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Result<BulletinJson>.Fail(Error.Invalid("date", ErrorText.Of("error.web.date-yyyy-mm-dd", date))).ToHttp();
        }

        var bulletin = await BuildDailyBulletin.HandleAsync(db, region, day, ct);
        if (!bulletin.IsSuccess)
        {
            return Result<BulletinJson>.Fail(bulletin.Error!).ToHttp();
        }

        return format == "text"
            ? TypedResults.Text(lang == "en" ? BulletinTextEn.Render(bulletin.Value!) : BulletinTextZh.Render(bulletin.Value!), "text/plain; charset=utf-8")
            : TypedResults.Ok(BulletinJson.From(bulletin.Value!));
    }
}
