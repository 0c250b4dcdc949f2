using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Security;

/// <summary>Sign-in: throttled per address and account with 429 and Retry-After, one answer for every failure, no lockout for others.</summary>
public sealed class LoginTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThirtyRapidWrongSignIns_AreAnswered429WithRetryAfter_ButTheAccountStillSignsInFromElsewhere(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        using var attacker = host.Client("203.0.113.7");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 30; i++)
        {
            var response = await attacker.PostAsJsonAsync("/api/v1/session", new { userName = "county", password = $"guess-number-{i}" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled ??= response;
            }
        }

        statuses.Take(10).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(10).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
        throttled!.Headers.RetryAfter!.Delta!.Value.ShouldBeGreaterThan(TimeSpan.Zero);
        throttled.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        // Even the right password waits at that address: the guesser cannot learn it by trying on.
        using (var right = await attacker.PostAsJsonAsync("/api/v1/session", new { userName = "county", password = WebTestData.Password }))
        {
            right.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        }

        // The account's own users, elsewhere, are not locked out.
        using var colleague = host.Client("198.51.100.20");
        using var signedIn = await colleague.PostAsJsonAsync("/api/v1/session", new { userName = "county", password = WebTestData.Password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task GuessesSpreadOverAccounts_AreThrottledPerAddress(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        using var attacker = host.Client("203.0.113.8");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 25; i++)
        {
            using var response = await attacker.PostAsJsonAsync("/api/v1/session", new { userName = $"user{i}", password = "Winter-2022-x" });
            statuses.Add(response.StatusCode);
        }

        statuses.Take(20).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        statuses.Skip(20).ShouldAllBe(s => s == HttpStatusCode.TooManyRequests);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnknownUser_WrongPassword_AndADisabledAccount_GetTheSameAnswer(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        await using (var scope = host.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<FangkongUser>>();
            var lab = (await users.FindByNameAsync("lab"))!;
            await users.SetLockoutEnabledAsync(lab, true);
            await users.SetLockoutEndDateAsync(lab, DateTimeOffset.UtcNow.AddYears(1));
        }

        using var client = host.Client();
        var answers = new List<(HttpStatusCode Status, string? Title, string? Detail)>();
        foreach (var (user, password) in new[] { ("nobody-here", "Winter-2022-x"), ("county", "Winter-2022-x"), ("lab", WebTestData.Password) })
        {
            using var response = await client.PostAsJsonAsync("/api/v1/session", new { userName = user, password });
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            answers.Add((response.StatusCode, problem.RootElement.GetProperty("title").GetString(), problem.RootElement.GetProperty("detail").GetString()));
        }

        answers.Distinct().Count().ShouldBe(1, string.Join(" | ", answers));
        answers[0].Status.ShouldBe(HttpStatusCode.Unauthorized);
        answers[0].Detail.ShouldBe("用户名或密码错误。");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnUnknownUser_CostsAPasswordHashCheck_AsAKnownUserDoes(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var host = await SecurityHost.StartAsync(provider, services: s => s.AddScoped<IPasswordHasher<FangkongUser>>(_ => hasher));
        using var client = host.Client();

        (await client.PostAsJsonAsync("/api/v1/session", new { userName = "nobody-here", password = "Winter-2022-x" })).Dispose();
        hasher.Verified.ShouldBe(1, "an unknown user's answer must take as long as a known user's");
        (await client.PostAsJsonAsync("/api/v1/session", new { userName = "county", password = "Winter-2022-x" })).Dispose();
        hasher.Verified.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheLoginPage_SaysTheSameForUnknownAndKnownUsers_AndWhenThrottled_Answers429(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        using var client = host.Client("203.0.113.9");
        var token = CookieClients.Hidden(await client.GetStringAsync("/login"), "__RequestVerificationToken");
        FormUrlEncodedContent Form(string user, string password) =>
            new([new("__RequestVerificationToken", token), new("userName", user), new("password", password), new("returnUrl", "/")]);

        using (var unknown = await client.PostAsync("/account/login", Form("nobody-here", "Winter-2022-x")))
        using (var known = await client.PostAsync("/account/login", Form("county", "Winter-2022-x")))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            unknown.Headers.Location.ShouldBe(known.Headers.Location);
            (await client.GetStringAsync(known.Headers.Location!.OriginalString)).ShouldContain("用户名或密码错误。");
        }

        for (var i = 0; i < 9; i++)
        {
            (await client.PostAsync("/account/login", Form("county", $"guess-{i}"))).Dispose();
        }

        using var throttled = await client.PostAsync("/account/login", Form("county", WebTestData.Password));
        throttled.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        throttled.Headers.RetryAfter.ShouldNotBeNull();
        (await throttled.Content.ReadAsStringAsync()).ShouldContain("登录失败次数过多，请稍后再试。");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignInByApi_TakesJsonOnly_SoACrossSiteFormCannotSignAnyoneIn(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        using var client = host.Client();
        using var form = await client.PostAsync("/api/v1/session", new FormUrlEncodedContent([new("userName", "county"), new("password", WebTestData.Password)]));
        form.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var page = await client.PostAsync("/account/login", new FormUrlEncodedContent([new("userName", "county"), new("password", WebTestData.Password)]));
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the login form without its antiforgery token");
        (await client.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private sealed class CountingHasher : IPasswordHasher<FangkongUser>
    {
        private readonly PasswordHasher<FangkongUser> _inner = new();

        public int Verified { get; private set; }

        public string HashPassword(FangkongUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(FangkongUser user, string hashedPassword, string providedPassword)
        {
            Verified++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
