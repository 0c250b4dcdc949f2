using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.IntegrationTests.Security;

/// <summary>New accounts (the CLI's users add, demo accounts, seeds) go through the password policy.</summary>
public sealed class PasswordPolicyTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AddUser_RefusesWeakPasswords_WithAClearMessage_AndCreatesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var services = WebTestData.IdentityServices(database.Settings);
        foreach (var (password, message) in new[]
        {
            ("12345678", "密码至少需要 10 个字符"),
            ("password1", "密码至少需要 10 个字符"),
            ("qwerty12345", "该密码过于常见"),
            ("1234567890", "该密码过于常见"),
            ("newcomer-2022", "密码不能包含用户名或姓名"),
        })
        {
            var result = await AddAsync(services, "newcomer", password);
            result.IsSuccess.ShouldBeFalse(password);
            result.Error!.Field.ShouldBe("password");
            result.Error.Message.ShouldContain(message);
        }

        await using (var scope = services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserManager<FangkongUser>>().FindByNameAsync("newcomer")).ShouldBeNull();
        }

        (await AddAsync(services, "newcomer", "Tide-Lantern-47")).IsSuccess.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDemoAccounts_AreCreated_TheirPasswordPassesThePolicy(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var services = WebTestData.IdentityServices(database.Settings);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var created = await DemoUsers.SeedAsync(
            sp.GetRequiredService<FangkongDbContext>(), sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>());
        created.Count(c => c.Created).ShouldBe(DemoUsers.Accounts.Count - 1, "all but dadong, which the test seed already has");
        foreach (var account in DemoUsers.Accounts)
        {
            PasswordPolicy.Check(DemoUsers.Password, account.UserName, null).ShouldBeNull(account.UserName);
        }
    }

    private static async Task<Result<AddUser.Created>> AddAsync(ServiceProvider services, string name, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        return await AddUser.HandleAsync(
            sp.GetRequiredService<FangkongDbContext>(), sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(),
            new AddUser.Command(name, password, Roles.CountyWorker, WebTestData.County, null));
    }
}
