using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Regions;
using Fangkong.Web.Apis;
using Fangkong.Web.Auditing;
using Fangkong.Web.Components;
using Fangkong.Web.Infrastructure;
using Fangkong.Web.Infrastructure.Clock;
using Fangkong.Web.Infrastructure.Telemetry;
using Fangkong.Web.Infrastructure.Input;
using Fangkong.Web.Infrastructure.Security;
using Fangkong.Web.Infrastructure.Settings;
using Fangkong.Common.Settings;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web;

/// <summary>Builds the web host: APIs under /api/v1, server-rendered pages, sign-in, health and OpenAPI.</summary>
public static class FangkongWebApp
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static async Task<WebApplication> CreateAsync(FangkongWebOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. options.Args],
            // Pages and assets are compiled in, so the host runs the same from the CLI's folder or its own.
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (options.Urls is { } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        // Request lines and EF commands at Information would drown the log of a busy command centre.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.AddFangkongSettings(options.Args);
        var database = builder.Database(options.Database);
        AddServices(builder.Services, database);
        builder.AddFangkongTelemetry();
        builder.AddInputBounds();
        builder.Services.AddFangkongWebAuditing(builder.Configuration);
        builder.Services.AddFangkongSecurity(builder.Configuration);
        builder.Services.AddFangkongExports(builder.Configuration);
        builder.AddFangkongClock();
        options.ConfigureBuilder?.Invoke(builder);
        var app = builder.Build();
        app.Services.ValidateSettingsNow();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var migrator = scope.ServiceProvider.GetRequiredService<Migrator>();
            _ = options.MigrateOnStart
                ? await migrator.MigrateAsync(null, CancellationToken.None)
                : await migrator.MigrateIfEmbeddedAsync(CancellationToken.None);
            if (options.MigrateOnStart || database.Provider == DatabaseProvider.Sqlite)
            {
                // Jilin ships with the product and loads on first run.
                await using var system = scope.ServiceProvider.CreateSystemContext();
                await EnsureReferenceData.EnsureJilinAsync(system);
            }
        }

        UsePipeline(app);
        return app;
    }

    private static void AddServices(IServiceCollection services, DatabaseSettings database)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IJurisdictionAccessor, HttpJurisdictionAccessor>();
        services.AddFangkongData(database);
        services.AddFangkongIdentity()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<FangkongClaimsPrincipalFactory>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(ConfigureCookie);
        services.AddAuthorization(Policies.Add);
        services.AddCascadingAuthenticationState();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Fangkong API";
            document.Info.Description = "防控指挥平台 API: regions, residents, places. Sign in with POST /api/v1/session.";
            return Task.CompletedTask;
        }));
        // Chinese text as is in pages, not as numeric character references.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        services.AddRazorComponents();
        services.AddHostedService<TracingSweepService>();
        services.AddHostedService<ClusterDetectionService>();
        services.AddHostedService<InfectionFreeRecheckService>();
        services.AddHostedService<SupervisionScheduler>();
        services.AddHostedService<QuarantineAllocationService>();
        services.AddAntiforgery();
        services.AddMemoryCache();
        services.AddSingleton<Fangkong.Persons.NumberSearchLimiter>();
        AntigenRateLimit.AddRateLimits(services);
        Livelihood.LivelihoodWeb.AddLivelihood(services);
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "fangkong.auth";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
        cookie.LoginPath = "/login";
        cookie.AccessDeniedPath = "/forbidden";
        // Idle and absolute lifetimes, and the end of a session at sign-out: SessionLifetime.
        // APIs answer 401/403 with a problem body; only pages redirect to the sign-in page.
        cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Results.Problem(statusCode: status).ExecuteAsync(context.HttpContext);
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseFangkongSecurityHeaders();
        // Before the exception handler and the body limits, so their answers are in the request's language too.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            // The user's choice (cookie) wins over the browser's Accept-Language; Chinese is the default.
            RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()],
        });
        app.UseExceptionHandler();
        app.UseRequestBodyLimits();
        app.UseWhen(
            c => !c.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(FangkongWebApp).Assembly, "Fangkong.Web.wwwroot"),
        });
        // Explicit, after the status-code pages, so that a re-executed /not-found is routed afresh.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAntiforgeryOnEveryUnsafeRequest();
        app.UseAuthorization();
        app.UseRefusalAudit();
        app.UseAntiforgery();
        app.UseRateLimiter();

        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseFangkongTelemetry();
        // The pages' form posts: the same input guard as the API.
        var forms = app.MapGroup(string.Empty).AddInputGuard();
        AccountEndpoints.Map(forms);
        AreasApi.MapPublic(forms);
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery().AddInputGuard();
        SessionApi.Map(app.MapGroup("/api/v1/session").DisableAntiforgery());
        MeApi.Map(api);
        RegionsApi.Map(api);
        PersonsApi.Map(api);
        PlacesApi.Map(api);
        OrganisationsApi.Map(api);
        TestingApi.Map(api);
        CasesApi.Map(api);
        ClustersApi.Map(api);
        InvestigationApi.Map(forms);
        PassesApi.Map(api);
        QuarantineApi.Map(api);
        TransfersApi.Map(api);
        TransferStayApi.Map(api);
        HomeMonitoringApi.Map(api);
        ClosedLoopApi.Map(api);
        SocialZeroApi.Map(api);
        InfectionFreeApi.Map(api);
        AreasApi.Map(api);
        SupervisionApi.Map(api);
        FindingsApi.Map(api);
        InspectionsApi.Map(api);
        AccountabilityApi.Map(api);
        NoticesApi.Map(api);
        AuditApi.Map(api);
        Exports.ExportEndpoints.Map(api);
        Livelihood.LivelihoodWeb.Map(api);
        app.MapRazorComponents<App>();
    }
}
