using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Fangkong.Common;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>
/// Applies <see cref="RequestLimits"/> to each request by its content type: a declared length
/// over the limit is refused at once, a body without a length is cut off as it is read. Both
/// end in a 413 problem from the one exception handler.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, RequestLimits limits)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var limit = limits.For(context.Request.ContentType);
        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // Kestrel enforces the limit itself; other servers (and tests) get a counting stream.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength is null && context.Request.Body != Stream.Null)
        {
            context.Request.Body = new LimitedReadStream(context.Request.Body, limit);
        }

        await next(context);

        // Minimal APIs answer a body cut off while binding with a bare 413; say what the limit is.
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            var detail = TooLarge(limit).Message;
            if (InputRefusal.IsApi(context))
            {
                await problems.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large", Detail = detail },
                });
            }
            else
            {
                await InputRefusal.Page(detail, StatusCodes.Status413PayloadTooLarge).ExecuteAsync(context);
            }
        }
    }

    public static BadHttpRequestException TooLarge(long limit) =>
        new(ErrorText.Of("error.web.request-body-exceeds-limit-bytes", limit), StatusCodes.Status413PayloadTooLarge);
}
