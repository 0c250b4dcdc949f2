using Fangkong.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fangkong.Web.Infrastructure;

/// <summary>Turns a use case's <see cref="Result{T}"/> into 200 or a problem response, one status per error kind.</summary>
public static class ResultHttp
{
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult> ToHttp<T>(this Result<T> result)
    {
        if (result.IsSuccess)
        {
            return TypedResults.Ok(result.Value!);
        }

        var error = result.Error!;
        if (error.Kind == ErrorKind.Invalid && error.Field is { } field)
        {
            return error.ToValidationProblem(field);
        }

        return error.ToProblem();
    }

    /// <summary>
    /// A 400 that names the field, so a client can show the message next to it. The message is in the
    /// request's culture (Accept-Language or the culture cookie); <c>code</c> stays the same in every language.
    /// </summary>
    public static ValidationProblem ToValidationProblem(this Error error, string field) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error.Message] }, detail: error.Message, extensions: CodeOf(error));

    /// <summary>A problem with the kind's status, the message in the request's culture and the stable <c>code</c>.</summary>
    public static ProblemHttpResult ToProblem(this Error error) =>
        TypedResults.Problem(detail: error.Message, statusCode: StatusOf(error.Kind), extensions: CodeOf(error));

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static Dictionary<string, object?>? CodeOf(Error error) =>
        error.Code is { } code ? new Dictionary<string, object?> { ["code"] = code } : null;
}
