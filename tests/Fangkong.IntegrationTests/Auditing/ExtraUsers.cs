using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Auditing;

/// <summary>Adds users beyond <see cref="WebTestData.Users"/> (an inspector, an administrator, one per role).</summary>
public static class ExtraUsers
{
    public static async Task AddAsync(TestDatabase database, params (string Name, string Role, string Region)[] users)
    {
        await using var services = WebTestData.IdentityServices(database.Settings);
        foreach (var (name, role, region) in users)
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var result = await AddUser.HandleAsync(
                sp.GetRequiredService<FangkongDbContext>(), sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(),
                new AddUser.Command(name, WebTestData.Password, role, region, $"测试用户 {name}"));
            result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        }
    }
}
