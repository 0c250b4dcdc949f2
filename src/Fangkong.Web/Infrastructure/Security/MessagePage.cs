using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// A small page for refusals that happen before any page or endpoint runs (a form with a bad
/// token, sign-in throttled): the status, a clear message in the request's language, and a way on.
/// Written here rather than re-executed as a Razor page, so the refusal cannot itself fail.
/// </summary>
internal static class MessagePage
{
    public static async Task WriteAsync(HttpContext http, int status, string titleKey, string messageKey, string linkHref, string linkKey, string testId)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        // The app's encoder leaves Chinese as is (HtmlEncoder.Default would write numeric references).
        var html = http.RequestServices.GetRequiredService<HtmlEncoder>();
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        var page = $"""
            <!DOCTYPE html>
            <html lang="{html.Encode(System.Globalization.CultureInfo.CurrentUICulture.Name)}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{html.Encode(l[titleKey])}</title><link rel="stylesheet" href="/css/bootstrap.min.css" /></head>
            <body><main class="container py-5">
            <h1 class="h3">{html.Encode(l[titleKey])}</h1>
            <p class="alert alert-warning" role="alert" data-testid="{testId}">{html.Encode(l[messageKey])}</p>
            <a class="btn btn-danger" href="{html.Encode(linkHref)}">{html.Encode(l[linkKey])}</a>
            </main></body></html>
            """;
        await http.Response.WriteAsync(page, http.RequestAborted);
    }
}
