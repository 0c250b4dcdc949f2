using System.Net;
using System.Net.Http.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.IntegrationTests.Security;

/// <summary>A session ends on the server: at sign-out (a copied cookie dies with it), when idle, and 12 hours after sign-in however busy.</summary>
public sealed class SessionEndTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ACopiedCookie_IsRefused_AfterSignOutThroughTheApi(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        var (owner, cookies, token) = await host.SignedInAsync("county");
        using var thief = host.Client(cookies: CookieClients.Copy(cookies, owner.BaseAddress!));
        (await thief.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the copy works while the session lives");

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session");
        signOut.Headers.Add(WebTestHost.AntiforgeryHeader, token);
        (await owner.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await thief.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await owner.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ACopiedCookie_IsRefused_AfterTheLogoutButtonOfThePages(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        var cookies = new CookieContainer();
        using var owner = host.Client(cookies: cookies);
        var login = await owner.GetStringAsync("/login");
        using (var signedIn = await owner.PostAsync("/account/login", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", CookieClients.Hidden(login, "__RequestVerificationToken")),
            new("userName", "county"), new("password", WebTestData.Password), new("returnUrl", "/"),
        ])))
        {
            signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            signedIn.Headers.Location!.OriginalString.ShouldBe("/");
        }

        using var thief = host.Client(cookies: CookieClients.Copy(cookies, owner.BaseAddress!));
        (await thief.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var home = await owner.GetStringAsync("/");
        using (var loggedOut = await owner.PostAsync("/account/logout", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", CookieClients.Hidden(home, "__RequestVerificationToken"))])))
        {
            loggedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            loggedOut.Headers.Location!.OriginalString.ShouldBe("/login");
        }

        (await thief.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var page = await thief.GetAsync("/persons");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ABusySession_EndsTwelveHoursAfterSignIn_ThoughEveryRequestRenewsIt(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SecurityHost.StartAsync(provider, services: s => UseClock(s, clock));
        var (client, _, _) = await host.SignedInAsync("county");

        // A request every 90 minutes: never idle for the 2-hour idle timeout, and each renews the cookie.
        for (var step = 1; step <= 8; step++)
        {
            clock.Advance(TimeSpan.FromMinutes(90));
            (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK, $"after {step * 1.5} hours");
        }

        clock.Advance(TimeSpan.FromMinutes(90));
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "13.5 hours after sign-in");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnIdleSession_EndsAfterTwoHours(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await SecurityHost.StartAsync(provider, services: s => UseClock(s, clock));
        var (client, _, _) = await host.SignedInAsync("county");
        clock.Advance(TimeSpan.FromMinutes(110));
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromMinutes(130));
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SigningInAgain_AfterSignOut_Works(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        var (client, _, token) = await host.SignedInAsync("county");
        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/session");
        signOut.Headers.Add(WebTestHost.AntiforgeryHeader, token);
        (await client.SendAsync(signOut)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        using var again = await client.PostAsJsonAsync("/api/v1/session", new { userName = "county", password = WebTestData.Password });
        again.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static void UseClock(IServiceCollection services, FakeTimeProvider clock) =>
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.TimeProvider = clock);
}
