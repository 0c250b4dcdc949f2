using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Common.Input;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Fangkong.Common;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>
/// What a refused request was wrong with, for the exception handler: the JSON path and line of
/// malformed JSON, the parameter that could not be bound, a too-large body, a missing or stale
/// antiforgery token. Framework messages quote input, so they are capped.
/// </summary>
internal static partial class BadRequestProblems
{
    public sealed record Problem(int Status, string Title, string Detail, string? Field);

    public static Problem? Of(Exception exception) => exception switch
    {
        InputRejectedException e => new(StatusCodes.Status400BadRequest, "Invalid input", e.Error.Message, e.Error.Field),
        AntiforgeryValidationException => Antiforgery(),
        BadHttpRequestException { InnerException: AntiforgeryValidationException } => Antiforgery(),
        // Form binding reports a bad token as "Invalid anti-forgery token found when reading parameter …", without an inner exception.
        BadHttpRequestException e when e.Message.Contains("anti-forgery", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("antiforgery", StringComparison.OrdinalIgnoreCase) => Antiforgery(),
        BadHttpRequestException { InnerException: JsonException json } => Json(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } e => new(e.StatusCode, "Request body too large", InputExcerpt.Message(e.Message), null),
        BadHttpRequestException e => Binding(e),
        _ => null,
    };

    private static Problem Antiforgery() => new(
        StatusCodes.Status400BadRequest,
        "Antiforgery token missing or invalid",
        ErrorText.Of("error.web.form-expired-not-sent-from"),
        null);

    private static Problem Json(JsonException json)
    {
        var path = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        var where = json.LineNumber is { } line
            ? ErrorText.Of("error.web.line-byte", line + 1, (json.BytePositionInLine ?? 0) + 1)
            : null;
        // The field is the JSON path without its root: "$.items[2].ct" → "items[2].ct".
        var field = path.TrimStart('$').TrimStart('.');
        return new(
            StatusCodes.Status400BadRequest,
            "Malformed JSON",
            InputExcerpt.Message(ErrorText.Of("error.web.json-body-invalid-at", path, where).WithDetail(FirstSentence(json.Message))),
            field.Length == 0 ? "body" : field);
    }

    private static Problem Binding(BadHttpRequestException e)
    {
        // "Failed to bind parameter "double hours" from "1e999"." / "Required parameter "string key" was not provided from route."
        var match = ParameterName().Match(e.Message);
        var field = match.Success ? match.Groups["name"].Value : null;
        var detail = field is null
            ? ErrorText.Of("error.web.bad-request").WithDetail(e.Message)
            : ErrorText.Of("error.web.parameter-missing-or-not-valid", field).WithDetail(e.Message);
        return new(e.StatusCode, "Bad request", InputExcerpt.Message(detail, 300), field ?? (e.Message.Contains("body", StringComparison.OrdinalIgnoreCase) ? "body" : null));
    }

    // JsonException messages end with "Path: … | LineNumber: …", already given above.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("parameter \"[^\" ]+ (?<name>[^\" ]+)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ParameterName();
}
