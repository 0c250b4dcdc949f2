using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>
/// Applies <see cref="RequestLimits"/> to each request by its content type: a declared length
/// over the limit is refused at once, a body without a length is cut off as it is read. Both
/// end in a 413 problem from the one exception handler.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, RequestLimits limits)
{
    public Task InvokeAsync(HttpContext context)
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

        return next(context);
    }

    public static BadHttpRequestException TooLarge(long limit) =>
        new($"请求体超过 {limit} 字节的上限 (the request body exceeds the limit of {limit} bytes).", StatusCodes.Status413PayloadTooLarge);
}
