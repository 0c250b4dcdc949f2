using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// A small, fixed world for web tests: two cities, a county with two communities, four
/// residents and one user per role under test. Every test seeds its own fresh database.
/// </summary>
public static class WebTestData
{
    public const string Password = "Passw0rd!";

    public const string County = "220204";
    public const string Community = "220204001001";
    public const string OtherCommunity = "220204001002";
    public const string OtherCity = "2201";
    public const string OtherCityCommunity = "220102001001";

    /// <summary>User name → (role, region).</summary>
    public static IReadOnlyDictionary<string, (string Role, string Region)> Users { get; } = new Dictionary<string, (string, string)>
    {
        ["county"] = (Roles.CountyWorker, County),
        ["investigator"] = (Roles.Investigator, County),
        ["community"] = (Roles.CommunityWorker, Community),
        ["sampler"] = (Roles.Sampler, County),
        ["lab"] = (Roles.LabStaff, County),
        ["changchun"] = (Roles.CommandCentre, OtherCity),
    };

    public static async Task SeedAsync(TestDatabase database)
    {
        await using (var db = database.NewContext())
        {
            foreach (var (code, name) in new[]
            {
                ("22", "吉林省"), ("2201", "长春市"), ("220102", "南关区"), ("220102001", "南岭街道"), (OtherCityCommunity, "南岭社区"),
                ("2202", "吉林市"), (County, "船营区"), ("220204001", "北京路街道"), (Community, "北京路社区"), (OtherCommunity, "德胜社区"),
            })
            {
                db.Regions.Add(new Region(RegionCode.Parse(code), name));
            }

            db.Persons.AddRange(
                NewPerson("张伟", Community, "19850312", 1, Sex.Male, "13904321001"),
                NewPerson("李娜", Community, "19900704", 2, Sex.Female, "13904321002"),
                NewPerson("王芳", OtherCommunity, "19620101", 4, Sex.Female, "13904321003"),
                NewPerson("刘洋", OtherCityCommunity, "19781120", 5, Sex.Male, "13904321004"));
            await db.SaveChangesAsync();
        }

        await using var services = IdentityServices(database.Settings);
        foreach (var (name, (role, region)) in Users)
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var result = await AddUser.HandleAsync(
                sp.GetRequiredService<FangkongDbContext>(),
                sp.GetRequiredService<UserManager<FangkongUser>>(),
                sp.GetRequiredService<RoleManager<IdentityRole>>(),
                new AddUser.Command(name, Password, role, region, $"测试用户 {name}"));
            result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        }
    }

    /// <summary>A valid resident ID: county code of the region, birth date, sequence (odd = male), check character.</summary>
    public static string IdNumberFor(string region, string birth, int sequence)
    {
        var first17 = $"{region[..6]}{birth}{sequence:D3}";
        return first17 + IdNumber.CheckCharacter(first17);
    }

    private static Person NewPerson(string name, string region, string birth, int sequence, Sex sex, string phone) =>
        new(DocumentType.ResidentId, IdNumberFor(region, birth, sequence), name, region)
        {
            Sex = sex,
            BirthDate = DateOnly.ParseExact(birth, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            Phone = phone,
            UpdatedAt = DateTimeOffset.UtcNow,
        };

    private static ServiceProvider IdentityServices(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddFangkongData(settings);
        services.AddFangkongIdentity();
        return services.BuildServiceProvider();
    }
}
