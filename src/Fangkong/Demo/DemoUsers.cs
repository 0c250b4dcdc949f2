using Fangkong.Access;
using Fangkong.Data;
using Microsoft.AspNetCore.Identity;

namespace Fangkong.Demo;

/// <summary>
/// One demo account per role, each with the jurisdiction that role has in Jilin City
/// (a community worker in 吉源社区, a county worker in 船营区, the command centre for the city).
/// The password is published in the README: these accounts exist only in demo databases.
/// </summary>
public static class DemoUsers
{
    public const string Password = "fangkong-demo";

    public sealed record Account(string UserName, string Role, string RegionCode);

    public static IReadOnlyList<Account> Accounts { get; } =
    [
        new("zhihuibu", Roles.CommandCentre, "2202"),
        new("chuanying", Roles.CountyWorker, "220204"),
        new("jiyuan", Roles.CommunityWorker, "220204003001"),
        new("caiyang", Roles.Sampler, "220204003"),
        new("dadong", Roles.CommunityWorker, "220204003"),
        new("jiance", Roles.LabStaff, "2202"),
        new("liudiao", Roles.Investigator, "2202"),
        new("geli", Roles.QuarantineStaff, "2202"),
        new("zhuanyun", Roles.Dispatcher, "220204"),
        new("kadian", Roles.CheckpointOfficer, "220204"),
        new("jijian", Roles.Inspector, "2202"),
        new("admin", Roles.Administrator, "22"),
    ];

    /// <summary>Creates the accounts that do not exist yet; returns every account with whether it was created now.</summary>
    public static async Task<IReadOnlyList<(Account Account, bool Created)>> SeedAsync(
        FangkongDbContext db, UserManager<FangkongUser> users, RoleManager<IdentityRole> roles, CancellationToken ct = default)
    {
        var result = new List<(Account, bool)>();
        foreach (var account in Accounts)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                result.Add((account, false));
                continue;
            }

            var title = Roles.Find(account.Role)!.TitleZh;
            var created = await AddUser.HandleAsync(db, users, roles, new AddUser.Command(account.UserName, Password, account.Role, account.RegionCode, $"演示·{title}"), ct);
            if (!created.IsSuccess)
            {
                throw new InvalidOperationException($"Demo user {account.UserName}: {created.Error!.Message}");
            }

            result.Add((account, true));
        }

        return result;
    }
}
