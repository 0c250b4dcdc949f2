using System.CommandLine;
using System.Text;
using Fangkong.Cli;
using Fangkong.Cli.Commands;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cli;

/// <summary>
/// <c>--encoding gbk</c> on <c>fangkong persons import</c> and <c>fangkong quarantine sites import</c>
/// (issue 14): a GBK file (Excel's Chinese CSV) is refused without it, nothing stored, and read
/// correctly with it; an unknown encoding is refused naming the option.
/// </summary>
public sealed class GbkImportCommandTests
{
    private const string SitesHeader = "name,kind,region_code,address,latitude,longitude,staff,contact_name,contact_phone,sections,per_section,multi_rooms,multi_capacity,accessible_rooms";

    private static readonly Encoding Gbk = CodePagesGbk();

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PersonsImport_GbkFile_IsRefusedWithoutTheOption_AndReadWithEncodingGbk(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await PersonFiles.SeedRegionsAsync(db);
        }

        var file = GbkFile(PersonFiles.Header, $"{PersonFiles.Id("19850312", 1)},张伟,男,1985-03-12,13904321001,220204003001,吉源小区,3栋,2单元,501,");

        (await RunAsync("persons", "import", file, "--database", database.Setting)).ShouldBe(1);
        (await RunAsync("persons", "import", file, "--encoding", "latin-9", "--database", database.Setting)).ShouldBe(1);
        await using (var db = database.NewContext())
        {
            (await db.Persons.CountAsync()).ShouldBe(0);
        }

        (await RunAsync("persons", "import", file, "--encoding", "gbk", "--database", database.Setting)).ShouldBe(0);
        await using var check = database.NewContext();
        (await check.Persons.SingleAsync()).Name.ShouldBe("张伟");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SitesImport_GbkFile_IsRefusedWithoutTheOption_AndReadWithEncodingGbk(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = GbkFile(SitesHeader, "吉林宾馆,hotel,220204,船营区解放路1号,43.8,126.5,10,王经理,0432-1,1,2,,,");

        (await RunAsync("quarantine", "sites", "import", file, "--database", database.Setting)).ShouldBe(1);
        await using (var db = database.NewContext())
        {
            (await db.QuarantineSites.CountAsync()).ShouldBe(0);
        }

        (await RunAsync("quarantine", "sites", "import", file, "--encoding", "gbk", "--database", database.Setting)).ShouldBe(0);
        await using var check = database.NewContext();
        var site = await check.QuarantineSites.SingleAsync();
        (site.Name, site.Address).ShouldBe(("吉林宾馆", "船营区解放路1号"));
    }

    private static async Task<int> RunAsync(params string[] args)
    {
        var root = new RootCommand { GlobalOptions.Database, PersonsCommand.Create(), QuarantineCommand.Create() };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static string GbkFile(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fangkong-gbk-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, Gbk.GetBytes(string.Join("\n", lines) + "\n"));
        return path;
    }

    private static Encoding CodePagesGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }
}
