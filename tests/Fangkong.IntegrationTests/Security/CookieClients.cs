using System.Net;

namespace Fangkong.IntegrationTests.Security;

/// <summary>What an attacker does with a stolen session: the same cookies in another client.</summary>
internal static class CookieClients
{
    public static CookieContainer Copy(CookieContainer from, Uri site)
    {
        var copy = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(site))
        {
            copy.Add(site, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return copy;
    }

    public static string Hidden(string html, string name) =>
        System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*name=\"{name}\"[^>]*value=\"([^\"]+)\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new InvalidOperationException($"no hidden field {name} in the page");
}
