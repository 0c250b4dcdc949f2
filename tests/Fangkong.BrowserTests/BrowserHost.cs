using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests;

/// <summary>
/// The web app on a real Kestrel port over a fresh seeded SQLite database, and Debian's
/// Chromium driven by Playwright. Browser tests exercise the pages; the data rules behind them
/// run on both providers in the integration tests, so one provider suffices here.
/// </summary>
public sealed class BrowserHost : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly TestDatabase _database;
    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserHost(TestDatabase database, WebApplication app, IPlaywright playwright, IBrowser browser, string baseUrl)
    {
        _database = database;
        _app = app;
        _playwright = playwright;
        _browser = browser;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The seeded database, for tests that add their own data before opening pages.</summary>
    public TestDatabase Database => _database;

    /// <param name="seed">The data to start with: <see cref="WebTestData.SeedAsync"/> unless given.</param>
    public static async Task<BrowserHost> StartAsync(Func<TestDatabase, Task>? seed = null)
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        }

        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await (seed ?? WebTestData.SeedAsync)(database);
        var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(database.Settings) { Urls = "http://127.0.0.1:0" });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // The machine's network is closed: without these Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new BrowserHost(database, app, playwright, browser, address);
    }

    /// <summary>A new browser context (own cookies) with a page opened on the app.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-CN", int width = 1280, int height = 800)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

        // CI runs the browser, unit and integration assemblies at once on 2 cores: a first page of
        // a cold server has been seen to take over 30 s (Playwright's default) there, never a wrong answer.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot (the full page unless <paramref name="fullPage"/> is false) to artifacts/screenshots/NAME.png for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fangkong.slnx")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }
}
