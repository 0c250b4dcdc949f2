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
            // A 400 names the field, so a client can show the message next to it.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [error.Message] }, detail: error.Message);
        }

        return TypedResults.Problem(detail: error.Message, statusCode: StatusOf(error.Kind));
    }

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };
}
