using Fangkong.Access;
using Fangkong.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// Adds users through the product's own AddUser use case (password policy, role, region checked as an
/// administrator's would be), all with <see cref="WebTestData.Password"/>: the one way the test worlds
/// add the users they need beyond <see cref="WebTestData.Users"/>.
/// </summary>
public static class TestUsers
{
    public static Task AddAsync(TestDatabase database, params (string Name, string Role, string Region)[] users)
    {
        ArgumentNullException.ThrowIfNull(database);
        return AddAsync(database.Settings, users);
    }

    public static Task AddAsync(DatabaseSettings settings, IReadOnlyDictionary<string, (string Role, string Region)> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        return AddAsync(settings, users.Select(u => (u.Key, u.Value.Role, u.Value.Region)));
    }

    /// <param name="displayName">The display name; "测试用户 {name}" when not given.</param>
    public static async Task AddAsync(DatabaseSettings settings, IEnumerable<(string Name, string Role, string Region)> users, string? displayName = null)
    {
        await using var services = WebTestData.IdentityServices(settings);
        foreach (var (name, role, region) in users)
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var result = await AddUser.HandleAsync(
                sp.GetRequiredService<FangkongDbContext>(), sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(),
                new AddUser.Command(name, WebTestData.Password, role, region, displayName ?? $"测试用户 {name}"));
            result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        }
    }
}
