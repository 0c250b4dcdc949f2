using Fangkong.Access;
using Fangkong.Web.Infrastructure.Input;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// The one place exceptions become responses: a write outside the jurisdiction is 403, a bad
/// request (malformed JSON, an unbindable parameter, a stale antiforgery token, input no column
/// may hold) is 400 naming the field, a too-large body 413, a lost race is 409
/// (<see cref="ConflictProblem"/>); anything else is logged and answered 500 without internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (BadRequestProblems.Of(exception) is { } bad)
        {
            return await WriteBadRequestAsync(httpContext, exception, bad);
        }

        var conflict = await ConflictProblem.DescribeAsync(exception, cancellationToken);
        var (status, title, detail) = exception switch
        {
            _ when conflict is not null => (StatusCodes.Status409Conflict, ConflictProblem.Title, conflict),
            JurisdictionViolationException e => (StatusCodes.Status403Forbidden, "Outside your jurisdiction", e.Message),
            _ => (StatusCodes.Status500InternalServerError, "Internal error", "The server failed to handle the request; it has been logged."),
        };
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Path);
        }
        else if (conflict is not null)
        {
            LogConflict(logger, httpContext.Request.Path, conflict);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lost race on {Path}, answered 409: {Detail}")]
    private static partial void LogConflict(ILogger logger, string path, string detail);

    // The API gets a problem naming the field; a page's form post gets a page a person can read.
    private async ValueTask<bool> WriteBadRequestAsync(HttpContext httpContext, Exception exception, BadRequestProblems.Problem bad)
    {
        httpContext.Response.StatusCode = bad.Status;
        if (!InputRefusal.IsApi(httpContext))
        {
            await InputRefusal.Page(bad.Detail, bad.Status).ExecuteAsync(httpContext);
            return true;
        }

        ProblemDetails problem = bad.Field is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [bad.Detail] })
            : new ProblemDetails();
        problem.Status = bad.Status;
        problem.Title = bad.Title;
        problem.Detail = bad.Detail;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
