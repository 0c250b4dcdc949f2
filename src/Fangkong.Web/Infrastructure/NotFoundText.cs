using Microsoft.AspNetCore.Http;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// A page that answers 404 for a record it cannot find leaves its own title and message here;
/// the status-code pages re-execute the request as /not-found on the same <see cref="HttpContext"/>,
/// and that page shows them instead of the general "page not found".
/// </summary>
public static class NotFoundText
{
    private const string Key = "fangkong.not-found";

    public sealed record Text(string Title, string Message);

    public static void Set(HttpContext context, string title, string message)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Items[Key] = new Text(title, message);
    }

    public static Text? Get(HttpContext? context) => context?.Items.TryGetValue(Key, out var value) == true ? value as Text : null;
}
