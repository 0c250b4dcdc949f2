using System.Text.Encodings.Web;
using Fangkong.Common;
using Microsoft.AspNetCore.Http;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>
/// How refused input is answered: a validation problem naming the field for the API, a short
/// page in both languages with a way back for the server-rendered forms.
/// </summary>
internal static class InputRefusal
{
    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    public static IResult For(HttpContext context, Error error) =>
        IsApi(context)
            ? error.ToValidationProblem(error.Field ?? "body")
            : Page(error.Message, StatusCodes.Status400BadRequest);

    /// <summary>A minimal page: the forms post from pages, so a person reads this, then goes back.</summary>
    public static IResult Page(string message, int status)
    {
        var text = HtmlEncoder.Default.Encode(message);
        var html = $"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>提交未被接受 Not accepted</title></head>
            <body><main><h1>提交未被接受 (Not accepted)</h1><p role="alert">{text}</p>
            <p>请返回上一页修改后重新提交 (go back, correct it and submit again). <a href="/">首页 (home)</a></p></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
