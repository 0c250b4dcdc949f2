using Fangkong.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// The one place exceptions become responses: a write outside the jurisdiction is 403, a bad
/// request body is 400, a lost race is 409 (<see cref="ConflictProblem"/>), anything else is
/// logged and answered 500 without internals.
/// </summary>
public sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var conflict = await ConflictProblem.DescribeAsync(exception, cancellationToken);
        var (status, title, detail) = exception switch
        {
            _ when conflict is not null => (StatusCodes.Status409Conflict, ConflictProblem.Title, conflict),
            JurisdictionViolationException e => (StatusCodes.Status403Forbidden, "Outside your jurisdiction", e.Message),
            BadHttpRequestException e => (e.StatusCode, "Bad request", e.Message),
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
