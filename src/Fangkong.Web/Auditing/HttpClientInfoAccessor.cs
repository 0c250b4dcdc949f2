using Fangkong.Auditing;
using Microsoft.AspNetCore.Http;

namespace Fangkong.Web.Auditing;

/// <summary>
/// The client of the current request as the server sees it. Behind a reverse proxy the operator
/// enables forwarded headers, so that this is the user's address and not the proxy's.
/// </summary>
public sealed class HttpClientInfoAccessor(IHttpContextAccessor http) : IClientInfoAccessor
{
    public ClientInfo Current => http.HttpContext is { } context
        ? new ClientInfo(context.Connection.RemoteIpAddress?.ToString(), context.Request.Headers.UserAgent.ToString())
        : ClientInfo.None;
}
