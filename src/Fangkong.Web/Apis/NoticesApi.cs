using System.Text;
using Fangkong.Access;
using Fangkong.Accountability;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Apis;

/// <summary>
/// Public notices (通报): compose a draft from decided cases (preview or save), approve it (another
/// user), publish it, list, and download as text, HTML, DOCX or PDF.
/// </summary>
public static class NoticesApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var notices = api.MapGroup("/notices").WithTags("Accountability");
        notices.MapGet("/", ListAsync).WithName("ListNotices").RequireAuthorization(Permissions.ViewAccountability);
        notices.MapPost("/preview", PreviewAsync).WithName("PreviewNotice").RequireAuthorization(Permissions.ManageAccountability);
        notices.MapPost("/", ComposeAsync).WithName("ComposeNotice").RequireAuthorization(Permissions.ManageAccountability);
        notices.MapPost("/{id:long}/approve", ApproveAsync).WithName("ApproveNotice").RequireAuthorization(Permissions.ManageAccountability);
        notices.MapPost("/{id:long}/publish", PublishAsync).WithName("PublishNotice").RequireAuthorization(Permissions.ManageAccountability);
        notices.MapGet("/{id:long}", GetAsync).WithName("GetNotice").RequireAuthorization(Permissions.ViewAccountability);
        notices.MapGet("/{id:long}/notice.{format}", DownloadAsync).WithName("DownloadNotice").RequireAuthorization(Permissions.ViewAccountability);
    }

    public static async Task<Ok<Page<GetNotice.Row>>> ListAsync(int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await GetNotice.ListAsync(db, page, pageSize, ct));

    public static async Task<Results<Ok<NoticeDocument>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        ComposeNotice.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ComposeNotice.PreviewAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<ComposeNotice.Composed>, ValidationProblem, ProblemHttpResult>> ComposeAsync(
        ComposeNotice.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ComposeNotice.HandleAsync(db, time, body, ct)).ToHttp();

    /// <summary>Approves a draft; the user who drafted it is refused (four eyes).</summary>
    public static async Task<Results<Ok<NoticeSteps.Stepped>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await NoticeSteps.ApproveAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<Ok<NoticeSteps.Stepped>, ValidationProblem, ProblemHttpResult>> PublishAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await NoticeSteps.PublishAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<Ok<GetNotice.View>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await GetNotice.HandleAsync(db, id, ct)).ToHttp();

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        long id, string format, FangkongDbContext db, IOptions<NoticesOptions> settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Export(format, settings.Value) is not { } export)
        {
            return TypedResults.Problem(detail: ErrorText.Of("error.web.format-not-one-txt-html", format), statusCode: StatusCodes.Status400BadRequest);
        }

        var notice = await GetNotice.HandleAsync(db, id, ct);
        if (!notice.IsSuccess)
        {
            return notice.Error!.ToProblem();
        }

        if (format == "pdf" && CjkFont.PathFor(settings.Value) is null)
        {
            return TypedResults.Problem(detail: ErrorText.Of("error.web.no-truetype-cjk-font-installed"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return TypedResults.File(export.Render(notice.Value!.Document), export.ContentType, $"notice-{id}.{format}");
    }

    private sealed record Exporter(string ContentType, Func<NoticeDocument, byte[]> Render);

    private static Exporter? Export(string format, NoticesOptions settings) => format switch
    {
        "txt" => new("text/plain; charset=utf-8", d => Encoding.UTF8.GetBytes(NoticeText.Plain(d))),
        "html" => new("text/html; charset=utf-8", d => Encoding.UTF8.GetBytes(NoticeText.Html(d))),
        "docx" => new(DocxType, NoticeDocx.Render),
        "pdf" => new("application/pdf", d => NoticePdf.Render(d, settings)),
        _ => null,
    };
}
