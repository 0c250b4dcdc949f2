using System.Net;
using System.Text;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Input;

/// <summary>A GBK file (Excel's Chinese CSV) is refused as not UTF-8, naming the line, and read correctly when the upload says gbk.</summary>
public sealed class CsvEncodingTests
{
    private static readonly Encoding Gbk = CodePagesGbk();

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AGbkLineList_IsRefusedNamingTheLine_AndImportedWithEncodingGbk(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var investigator = await host.ClientAsync("investigator");
        var bytes = Gbk.GetBytes(LineListImportTests.Header + "\nJL-3,王芳,,220204003002,asymptomatic,,2022-04-02,,,\n");

        using (var refused = await investigator.PostAsync("/api/v1/cases/import", Upload(bytes)))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            var message = problem.GetProperty("errors").GetProperty("file")[0].GetString()!;
            message.ShouldContain("第 2 行");
            message.ShouldContain("UTF-8");
            message.ShouldContain("gbk");
        }

        await using (var db = host.Database.NewContext())
        {
            (await db.Cases.CountAsync()).ShouldBe(0);
        }

        using (var unknown = await investigator.PostAsync("/api/v1/cases/import?encoding=latin-9", Upload(bytes)))
        {
            unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("encoding", out _).ShouldBeTrue();
        }

        using (var imported = await investigator.PostAsync("/api/v1/cases/import?encoding=gbk", Upload(bytes)))
        {
            imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        await using var check = host.Database.NewContext();
        (await check.Cases.SingleAsync()).Name.ShouldBe("王芳");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ACaseReportedIn2099_IsRefusedByTheImport_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var investigator = await host.ClientAsync("investigator");
        var bytes = Encoding.UTF8.GetBytes(LineListImportTests.Header + "\nJL-3,王芳,,220204003002,asymptomatic,,2099-04-02,,,\n");

        using var refused = await investigator.PostAsync("/api/v1/cases/import", Upload(bytes));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("reported_on");

        await using var db = host.Database.NewContext();
        (await db.Cases.CountAsync()).ShouldBe(0);
    }

    private static MultipartFormDataContent Upload(byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", "list.csv" } };

    private static Encoding CodePagesGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }
}
