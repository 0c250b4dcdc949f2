using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.Regions;
using Fangkong.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// A small, fixed world for web tests, with real codes of Jilin City: 船营区 with two communities
/// of 大东街道, a community of 昌邑区, four
/// residents and one user per role under test. Every test seeds its own fresh database.
/// </summary>
public static class WebTestData
{
    public const string Password = "Qz8-vK3m-Rw5t";

    /// <summary>船营区, Jilin City: the county of most users.</summary>
    public const string County = "220204";

    /// <summary>大东街道 in 船营区.</summary>
    public const string Street = "220204003";

    /// <summary>吉源社区 in 大东街道.</summary>
    public const string Community = "220204003001";

    /// <summary>松北一区社区 in 大东街道.</summary>
    public const string OtherCommunity = "220204003002";

    /// <summary>昌邑区, the neighbouring county of Jilin City.</summary>
    public const string OtherCounty = "220202";

    /// <summary>东厂宅社区 in 兴华街道, 昌邑区.</summary>
    public const string OtherCountyCommunity = "220202001001";

    /// <summary>User name → (role, region).</summary>
    public static IReadOnlyDictionary<string, (string Role, string Region)> Users { get; } = new Dictionary<string, (string, string)>
    {
        ["county"] = (Roles.CountyWorker, County),
        ["investigator"] = (Roles.Investigator, County),
        ["community"] = (Roles.CommunityWorker, Community),
        ["dadong"] = (Roles.CommunityWorker, Street),
        ["sampler"] = (Roles.Sampler, County),
        ["lab"] = (Roles.LabStaff, County),
    };

    public static async Task SeedAsync(TestDatabase database)
    {
        await using (var db = database.NewContext())
        {
            foreach (var (code, name) in new[]
            {
                ("22", "吉林省"), ("2202", "吉林市"),
                (OtherCounty, "昌邑区"), ("220202001", "兴华街道"), (OtherCountyCommunity, "东厂宅社区"),
                (County, "船营区"), (Street, "大东街道"), (Community, "吉源社区"), (OtherCommunity, "松北一区社区"),
            })
            {
                db.Regions.Add(new Region(RegionCode.Parse(code), name));
            }

            db.Persons.AddRange(
                NewPerson("张伟", Community, "19850312", 1, Sex.Male, "13904321001"),
                NewPerson("李娜", Community, "19900704", 2, Sex.Female, "13904321002"),
                NewPerson("王芳", OtherCommunity, "19620101", 4, Sex.Female, "13904321003"),
                NewPerson("刘洋", OtherCountyCommunity, "19781120", 5, Sex.Male, "13904321004"));
            await db.SaveChangesAsync();
        }

        await TestUsers.AddAsync(database.Settings, Users);
    }

    /// <summary>
    /// A valid resident ID: county code of the region, birth date, sequence (odd = male), and a check
    /// character computed independently of the product (<see cref="TestIdNumbers"/>).
    /// </summary>
    public static string IdNumberFor(string region, string birth, int sequence) => TestIdNumbers.For(region, birth, sequence);

    private static Person NewPerson(string name, string region, string birth, int sequence, Sex sex, string phone) =>
        new(DocumentType.ResidentId, IdNumberFor(region, birth, sequence), name, region)
        {
            Sex = sex,
            BirthDate = DateOnly.ParseExact(birth, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
            Phone = phone,
            UpdatedAt = DateTimeOffset.UtcNow,
        };

    internal static ServiceProvider IdentityServices(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddFangkongData(settings);
        services.AddFangkongIdentity();
        return services.BuildServiceProvider();
    }
}
