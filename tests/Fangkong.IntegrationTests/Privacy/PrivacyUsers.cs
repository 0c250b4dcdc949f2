using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Privacy;

/// <summary>The roles the shared web test world has no user for (dispatcher, checkpoint officer, inspector), added per test.</summary>
internal static class PrivacyUsers
{
    public const string Dispatcher = "dispatcher";
    public const string Checkpoint = "checkpoint";
    public const string Inspector = "inspector";

    /// <summary>Every masked role that may open the resident register, by user name.</summary>
    public static IReadOnlyList<string> MaskedRegisterReaders { get; } = ["county", "community", "sampler", Dispatcher, Checkpoint];

    public static async Task AddAsync(TestDatabase database)
    {
        foreach (var (name, role) in new[] { (Dispatcher, Roles.Dispatcher), (Checkpoint, Roles.CheckpointOfficer), (Inspector, Roles.Inspector) })
        {
            await using var services = WebTestData.IdentityServices(database.Settings);
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var result = await AddUser.HandleAsync(
                sp.GetRequiredService<FangkongDbContext>(),
                sp.GetRequiredService<UserManager<FangkongUser>>(),
                sp.GetRequiredService<RoleManager<IdentityRole>>(),
                new AddUser.Command(name, WebTestData.Password, role, WebTestData.County, $"测试用户 {name}"));
            result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        }
    }
}
