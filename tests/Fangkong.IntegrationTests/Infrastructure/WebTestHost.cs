using System.Net.Http.Json;
using Fangkong.Data;
using Fangkong.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>The real web app, in memory, over a fresh seeded database of one provider.</summary>
public sealed class WebTestHost : IAsyncDisposable
{
    private WebTestHost(TestDatabase database, WebApplication app)
    {
        Database = database;
        App = app;
    }

    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    public TestDatabase Database { get; }

    public WebApplication App { get; }

    /// <summary>Starts the app over a fresh seeded database.</summary>
    /// <param name="configure">More host set-up after the test server's (settings, log capture).</param>
    /// <param name="serverSettings">The database settings the app runs with, from the test database's (e.g. a bounded PostgreSQL pool).</param>
    /// <param name="seed">The data to start with: <see cref="WebTestData.SeedAsync"/> unless given.</param>
    public static async Task<WebTestHost> StartAsync(
        DatabaseProvider provider,
        Action<WebApplicationBuilder>? configure = null,
        Func<DatabaseSettings, DatabaseSettings>? serverSettings = null,
        Func<TestDatabase, Task>? seed = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await (seed ?? WebTestData.SeedAsync)(database);
        var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(serverSettings?.Invoke(database.Settings) ?? database.Settings)
        {
            ConfigureBuilder = b =>
            {
                b.WebHost.UseTestServer();
                configure?.Invoke(b);
            },
        });
        await app.StartAsync();
        return new WebTestHost(database, app);
    }

    /// <summary>
    /// A client that keeps cookies; signed in as <paramref name="user"/> unless null. Each call returns
    /// once the audit lines it queued are stored (see <see cref="AuditFlushingHandler"/>), unless
    /// <paramref name="waitForAudit"/> is false; <paramref name="address"/> is the client's address as the server sees it;
    /// <paramref name="password"/> is the test users' unless given (the demo accounts have theirs).
    /// </summary>
    public async Task<HttpClient> ClientAsync(string? user = null, string? culture = null, bool waitForAudit = true, System.Net.IPAddress? address = null, string? password = null)
    {
        var cookies = new System.Net.CookieContainer();
        var server = App.GetTestServer();
        var token = new ApiAntiforgeryHandler
        {
            InnerHandler = address is null ? server.CreateHandler() : server.CreateHandler(c => c.Connection.RemoteIpAddress = address),
        };
        HttpMessageHandler handler = new CookieContainerHandler(cookies) { InnerHandler = token };
        if (waitForAudit)
        {
            handler = new AuditFlushingHandler(App.Services) { InnerHandler = handler };
        }

        var client = new HttpClient(handler)
        {
            BaseAddress = server.BaseAddress,
        };
        if (culture is not null)
        {
            cookies.Add(server.BaseAddress, new System.Net.Cookie(".AspNetCore.Culture", $"c={culture}|uic={culture}"));
        }

        if (user is not null)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/session", new { userName = user, password = password ?? WebTestData.Password });
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.NoContent, $"sign-in of {user}");

            // API requests signed in by cookie carry the antiforgery token the sign-in answered (ADR 0014);
            // page forms carry their own field, as a browser's do.
            token.Token = response.Headers.GetValues(AntiforgeryHeader).Single();
        }

        return client;
    }

    /// <summary>Adds the X-CSRF-TOKEN header to API requests, as an API client does after signing in.</summary>
    private sealed class ApiAntiforgeryHandler : DelegatingHandler
    {
        public string? Token { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Token is not null && request.RequestUri is { } uri
                && (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
                && !request.Headers.Contains(AntiforgeryHeader))
            {
                request.Headers.Add(AntiforgeryHeader, Token);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
