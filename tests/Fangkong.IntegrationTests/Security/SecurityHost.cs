using System.Net;
using System.Net.Http.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Security;

/// <summary>
/// The web app over a fresh seeded database, with what the security tests need beyond
/// <see cref="WebTestHost"/>: configuration arguments, replaced services, clients from a chosen
/// address, and the endpoint each request was routed to.
/// </summary>
public sealed class SecurityHost : IAsyncDisposable
{
    private readonly bool _ownsDatabase;

    private SecurityHost(TestDatabase database, WebApplication app, MatchedEndpoints matched, bool ownsDatabase)
    {
        _ownsDatabase = ownsDatabase;
        Database = database;
        App = app;
        Matched = matched;
    }

    public TestDatabase Database { get; }

    public WebApplication App { get; }

    public MatchedEndpoints Matched { get; }

    /// <param name="shared">
    /// Another host's database, for a second server of a farm: it is neither seeded again nor dropped
    /// by this host, whose owner must outlive it.
    /// </param>
    public static async Task<SecurityHost> StartAsync(DatabaseProvider provider, string[]? args = null, Action<IServiceCollection>? services = null, TestDatabase? shared = null)
    {
        var database = shared ?? await TestDatabase.CreateAsync(provider);
        if (shared is null)
        {
            await WebTestData.SeedAsync(database);
        }

        var matched = new MatchedEndpoints();
        var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(database.Settings)
        {
            Args = args ?? [],
            ConfigureBuilder = b =>
            {
                b.WebHost.UseTestServer();
                b.Services.AddSingleton(matched);
                b.Services.AddSingleton<IStartupFilter, MatchedEndpoints.Filter>();
                services?.Invoke(b.Services);
            },
        });
        await app.StartAsync();
        return new SecurityHost(database, app, matched, ownsDatabase: shared is null);
    }

    /// <summary>A client that keeps cookies and comes from <paramref name="address"/> (the loopback by default).</summary>
    public HttpClient Client(string? address = null, CookieContainer? cookies = null)
    {
        var server = App.GetTestServer();
        var ip = IPAddress.Parse(address ?? "127.0.0.1");
        var inner = server.CreateHandler(c => c.Connection.RemoteIpAddress = ip);
        return new HttpClient(new CookieContainerHandler(cookies ?? new CookieContainer()) { InnerHandler = inner })
        {
            BaseAddress = server.BaseAddress,
        };
    }

    /// <summary>Signs in through the API; the client then holds the cookie but, unlike WebTestHost's, no antiforgery header.</summary>
    public async Task<(HttpClient Client, CookieContainer Cookies, string Token)> SignedInAsync(string user, string? address = null)
    {
        var cookies = new CookieContainer();
        var client = Client(address, cookies);
        using var response = await client.PostAsJsonAsync("/api/v1/session", new { userName = user, password = WebTestData.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent, $"sign-in of {user}");
        return (client, cookies, response.Headers.GetValues(WebTestHost.AntiforgeryHeader).Single());
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}

/// <summary>Remembers the endpoint routing chose for each request (by path and method), so a test knows what it reached.</summary>
public sealed class MatchedEndpoints
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Endpoint?> _byRequest = new();

    public Endpoint? For(string method, string pathAndQuery) => _byRequest.GetValueOrDefault(method + " " + pathAndQuery);

    /// <summary>Outermost middleware: after the whole pipeline ran, the context still holds the endpoint routing chose.</summary>
    public sealed class Filter(MatchedEndpoints matched) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var key = context.Request.Method + " " + context.Request.Path + context.Request.QueryString;
                await nextMiddleware(context);
                matched._byRequest[key] = context.GetEndpoint();
            });
            next(app);
        };
    }
}
