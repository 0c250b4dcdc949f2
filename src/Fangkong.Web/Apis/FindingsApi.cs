using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>Findings (问题): list, detail, raise from a complaint, rectify, verify by a follow-up review, reject, evidence.</summary>
public static class FindingsApi
{
    public sealed record Text([MultiLine] string? Value);

    public sealed record Verify(long? ReviewId);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var findings = api.MapGroup("/findings").WithTags("Supervision");
        findings.MapGet("/", ListAsync).WithName("ListFindings").RequireAuthorization(Permissions.ViewSupervision);
        findings.MapGet("/{id:long}", GetAsync).WithName("GetFinding").RequireAuthorization(Permissions.ViewSupervision);
        findings.MapPost("/", RaiseAsync).WithName("RaiseFinding").RequireAuthorization(Permissions.ConductInspections);
        findings.MapPost("/{id:long}/rectification", RectifyAsync).WithName("SubmitRectification").RequireAuthorization(Permissions.RectifyFindings);
        findings.MapPost("/{id:long}/verify", VerifyAsync).WithName("VerifyFinding").RequireAuthorization(Permissions.ConductInspections);
        findings.MapPost("/{id:long}/reject", RejectAsync).WithName("RejectRectification").RequireAuthorization(Permissions.ConductInspections);
        findings.MapPost("/{id:long}/evidence", UploadAsync).WithName("AddEvidence").RequireAuthorization(Permissions.ViewSupervision).DisableAntiforgery();
        api.MapGet("/evidence/{id:long}", DownloadAsync).WithName("GetEvidence").WithTags("Supervision").RequireAuthorization(Permissions.ViewSupervision);
    }

    public static async Task<Results<Ok<Page<FindingView.Summary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        FindingStatus? status, bool? overdue, FindingSource? source, string? region, int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListFindings.HandleAsync(db, time, new ListFindings.Query(status, overdue ?? false, source, region, page, pageSize), ct)).ToHttp();

    public static async Task<Results<Ok<GetFinding.Detail>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await GetFinding.HandleAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<Ok<FindingView.Summary>, ValidationProblem, ProblemHttpResult>> RaiseAsync(
        RaiseFinding.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RaiseFinding.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<FindingView.Summary>, ValidationProblem, ProblemHttpResult>> RectifyAsync(
        long id, Text body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await FindingTransitions.SubmitRectificationAsync(db, time, id, body?.Value, ct)).ToHttp();

    public static async Task<Results<Ok<FindingView.Summary>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        long id, Verify body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await FindingTransitions.VerifyAsync(db, time, id, body?.ReviewId, ct)).ToHttp();

    public static async Task<Results<Ok<FindingView.Summary>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        long id, Text body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await FindingTransitions.RejectAsync(db, time, id, body?.Value, ct)).ToHttp();

    /// <summary>A multipart upload with a <c>file</c> and an optional <c>note</c>.</summary>
    public static async Task<Results<Ok<AddEvidence.Attached>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        long id, HttpRequest request, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var read = await ReadUploadAsync(request, ct);
        if (!read.IsSuccess)
        {
            return Result<AddEvidence.Attached>.Fail(read.Error!).ToHttp();
        }

        var (name, type, bytes, note) = read.Value;
        return (await AddEvidence.HandleAsync(db, time, new AddEvidence.Command(id, name, type, bytes, note), ct)).ToHttp();
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(long id, FangkongDbContext db, CancellationToken ct)
    {
        var content = await GetEvidence.HandleAsync(db, id, ct);
        if (!content.IsSuccess)
        {
            return content.Error!.ToProblem();
        }

        var c = content.Value!;
        return TypedResults.File(c.Bytes, c.ContentType, c.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{c.Sha256}\""));
    }

    /// <summary>The file of a multipart form, bounded by the evidence limit before it is read into memory.</summary>
    public static async Task<Result<(string Name, string Type, byte[] Bytes, string? Note)>> ReadUploadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Error.Invalid("file", ErrorText.Of("error.web.upload-file-multipart-form-data"));
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Error.Invalid("file", ErrorText.Of("error.web.file-empty"));
        }

        if (file.Length > EvidenceFile.MaxBytes)
        {
            return Error.Invalid("file", ErrorText.Of("error.web.file-most-mb", EvidenceFile.MaxBytes / 1024 / 1024));
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        return (file.FileName, file.ContentType, buffer.ToArray(), form["note"].ToString());
    }
}
