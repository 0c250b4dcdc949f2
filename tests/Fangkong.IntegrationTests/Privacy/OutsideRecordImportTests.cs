using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Privacy;

/// <summary>
/// Issue 14, item 9: an import error about a record in another jurisdiction says only that the
/// row is refused; a reference to one reads exactly as a reference to a record that does not exist.
/// (Tubes: see ScanBatchTests.Scan_IntoATubeOpenedInAnotherCommunity_IsRefused_AndTheTubeKeepsItsMembers.)
/// </summary>
public sealed class OutsideRecordImportTests
{
    private static readonly Jurisdiction Chuanying = new("county", WebTestData.County, SeesFullIdentity: false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LineList_ReusingACaseNumberOfTheNeighbouringCounty_IsRefused_WithoutSayingWhereItIs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await SeedNeighbourAsync(database);

        await using var db = database.NewContext(Chuanying);
        var message = (await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
            LineListImportTests.Header, "CY-1,张伟,,220204003001,confirmed,mild,2022-03-20,,,"))).Error!.Message;

        message.ShouldContain($"第 2 行: {OutsideRecords.Refused("病例编号", "case_no", "CY-1")}");
        message.ShouldNotContain("辖区外");
        message.ShouldNotContain("outside your jurisdiction");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Contacts_NamingRecordsOfTheNeighbouringCounty_AreRefused_AsIfTheyDidNotExist(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await SeedNeighbourAsync(database);
        await using (var seed = database.NewContext())
        {
            (await ImportCases.HandleAsync(seed, TimeProvider.System, TempCsv.Write(LineListImportTests.Header, "JL-001,张伟,,220204003001,confirmed,mild,2022-03-17,,,")))
                .IsSuccess.ShouldBeTrue();
        }

        await using var db = database.NewContext(Chuanying);
        var taken = (await ImportContacts.HandleAsync(db, TempCsv.Write(
            ContactImportTests.Header, "CY-M1,close,JL-001,,,张伟,220204003001,2022-03-18,2022-03-20,"))).Error!.Message;
        taken.ShouldContain($"第 2 行: {OutsideRecords.Refused("密接编号", "contact_no", "CY-M1")}");
        taken.ShouldNotContain("辖区外");
        taken.ShouldNotContain("outside your jurisdiction");

        var message = (await ImportContacts.HandleAsync(db, TempCsv.Write(
            ContactImportTests.Header,
            "M-2,close,CY-1,,,李娜,220204003001,2022-03-18,2022-03-20,",
            "M-3,close,NO-SUCH,,,李娜,220204003001,2022-03-18,2022-03-20,",
            "S-1,secondary,,CY-M1,,王芳,220204003002,2022-03-19,2022-03-21,",
            "S-2,secondary,,NO-SUCH-M,,王芳,220204003002,2022-03-19,2022-03-21,"))).Error!.Message;

        // A case or contact of the neighbouring county reads exactly as one that does not exist.
        message.ShouldContain($"第 2 行: {OutsideRecords.NotFound("来源病例", "source_case_no", "CY-1")}");
        message.ShouldContain($"第 3 行: {OutsideRecords.NotFound("来源病例", "source_case_no", "NO-SUCH")}");
        message.ShouldContain($"第 4 行: {OutsideRecords.NotFound("来源密接", "source_contact_no", "CY-M1")}");
        message.ShouldContain($"第 5 行: {OutsideRecords.NotFound("来源密接", "source_contact_no", "NO-SUCH-M")}");
    }

    /// <summary>昌邑区 has case CY-1 and its close contact CY-M1.</summary>
    private static async Task SeedNeighbourAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        (await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
            LineListImportTests.Header, $"CY-1,刘洋,,{WebTestData.OtherCountyCommunity},confirmed,mild,2022-03-17,,,"))).IsSuccess.ShouldBeTrue();
        var contacts = await ImportContacts.HandleAsync(db, TempCsv.Write(
            ContactImportTests.Header, $"CY-M1,close,CY-1,,,刘洋,{WebTestData.OtherCountyCommunity},2022-03-18,2022-03-20,"));
        contacts.IsSuccess.ShouldBeTrue(contacts.Error?.Message);
    }
}
