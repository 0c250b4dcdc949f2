using System.Text.Encodings.Web;
using Fangkong.Common;
using Microsoft.AspNetCore.Http;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>
/// How refused input is answered: a validation problem naming the field for the API, a short
/// page in the reader's language with a way back for the server-rendered forms.
/// </summary>
internal static class InputRefusal
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IResult For(HttpContext context, Error error) =>
        IsApi(context)
            ? error.ToValidationProblem(error.Field ?? "body")
            : Page(error.Message, StatusCodes.Status400BadRequest);

    /// <summary>
    /// A minimal page: the forms post from pages, so a person reads this, then goes back. In the request's
    /// language alone (the localisation middleware runs before every caller of this page).
    /// </summary>
    public static IResult Page(string message, int status)
    {
        var lang = ErrorText.IsEnglish(System.Globalization.CultureInfo.CurrentUICulture) ? "en" : "zh-CN";
        var text = HtmlEncoder.Default.Encode(message);
        var title = HtmlEncoder.Default.Encode(ErrorText.Of("error.web.refusal-page-title").Render());
        var back = HtmlEncoder.Default.Encode(ErrorText.Of("error.web.refusal-page-back").Render());
        var home = HtmlEncoder.Default.Encode(ErrorText.Of("error.web.refusal-page-home").Render());
        var html = $"""
            <!DOCTYPE html>
            <html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head>
            <body><main><h1>{title}</h1><p role="alert">{text}</p>
            <p>{back} <a href="/">{home}</a></p></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
