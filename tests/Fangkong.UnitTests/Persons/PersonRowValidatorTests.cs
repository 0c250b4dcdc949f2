using System.Globalization;
using Fangkong.Access;
using Fangkong.Persons;
using Fangkong.Tests;

namespace Fangkong.UnitTests.Persons;

public sealed class PersonRowValidatorTests
{
    private const string Header = "id_number,name,sex,birth_date,phone,region_code,compound,building,unit,room,household_no";
    private static readonly HashSet<string> Regions = ["220204003001", "220204003"];

    private static string Id(string birth, int sequence) => TestIdNumbers.For("220204", birth, sequence);

    private static (List<PersonRow> Rows, List<ImportError> Errors) Check(string csv, Jurisdiction? jurisdiction = null)
    {
        using var reader = new PersonCsvReader(new StringReader(csv));
        reader.HeaderErrors.ShouldBeEmpty();
        var validator = new PersonRowValidator(Regions.Contains, jurisdiction ?? Jurisdiction.System);
        var errors = new List<ImportError>();
        var rows = reader.ReadRecords().Select(r => validator.Validate(r, errors)).OfType<PersonRow>().ToList();
        return (rows, errors);
    }

    private static string Row(string id, string sex = "男", string birth = "1985-03-07", string phone = "", string region = "220204003001") =>
        $"{id},张伟,{sex},{birth},{phone},{region},吉源小区,1号楼,1单元,101,H1";

    [Fact]
    public void ValidRow_BecomesAPersonRow()
    {
        var (rows, errors) = Check($"{Header}\n{Row(Id("19850307", 13), phone: "13904321234")}\n");

        errors.ShouldBeEmpty();
        rows.Single().ShouldBe(new PersonRow(DocumentType.ResidentId, Id("19850307", 13), "张伟", Sex.Male, new DateOnly(1985, 3, 7), "13904321234", "220204003001", "吉源小区", "1号楼", "1单元", "101", "H1", null));
    }

    [Theory]
    [InlineData("女")]
    [InlineData("F")]
    [InlineData("female")]
    public void Sex_ThatContradictsTheIdNumber_IsRefused(string sex)
    {
        var (_, errors) = Check($"{Header}\n{Row(Id("19850307", 13), sex: sex)}\n");

        errors.Single().ShouldSatisfyAllConditions(
            e => e.Line.ShouldBe(2),
            e => e.Field.ShouldBe("sex"),
            e => e.Reason.ShouldContain("does not match"));
    }

    [Theory]
    [InlineData("男", Sex.Male, 13)]
    [InlineData("M", Sex.Male, 13)]
    [InlineData("male", Sex.Male, 13)]
    [InlineData("女", Sex.Female, 14)]
    [InlineData("f", Sex.Female, 14)]
    [InlineData("", Sex.Female, 14)]
    public void Sex_InAnyAcceptedSpellingOrLeftEmpty_AgreesWithTheId(string sex, Sex expected, int sequence)
    {
        var (rows, errors) = Check($"{Header}\n{Row(Id("19850307", sequence), sex: sex)}\n");

        errors.ShouldBeEmpty();
        rows.Single().Sex.ShouldBe(expected);
    }

    [Fact]
    public void Sex_Unknown_IsRefused()
    {
        var (_, errors) = Check($"{Header}\n{Row(Id("19850307", 13), sex: "X")}\n");

        errors.Single().Field.ShouldBe("sex");
    }

    [Theory]
    [InlineData("1985-03-08", "与身份证号的 1985-03-07 不符")]
    [InlineData("1985-02-30", "出生日期「1985-02-30」无效")]
    [InlineData("yesterday", "出生日期「yesterday」无效")]
    public void BirthDate_WrongOrNotADate_IsRefused(string birth, string reason)
    {
        var (_, errors) = Check($"{Header}\n{Row(Id("19850307", 13), birth: birth)}\n");

        errors.Single().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("birth_date"), e => e.Reason.ShouldContain(reason));
    }

    [Fact]
    public void BirthDate_LeftEmpty_IsTakenFromTheId()
    {
        var (rows, _) = Check($"{Header}\n{Row(Id("19850307", 13), birth: "")}\n");

        rows.Single().BirthDate.ShouldBe(new DateOnly(1985, 3, 7));
    }

    [Theory]
    [InlineData("13904321234", "13904321234")]
    [InlineData("139 0432 1234", "13904321234")]
    [InlineData("+86 139-0432-1234", "13904321234")]
    [InlineData("8619904321234", "19904321234")]
    public void Phone_MainlandMobile_IsAcceptedAndNormalised(string phone, string expected) =>
        PersonRowValidator.NormalisePhone(phone).ShouldBe(expected);

    [Theory]
    [InlineData("12904321234")]
    [InlineData("1390432123")]
    [InlineData("139043212345")]
    [InlineData("0432-62345678")]
    [InlineData("1390432123a")]
    public void Phone_NotAMainlandMobile_IsRefused(string phone)
    {
        var (_, errors) = Check($"{Header}\n{Row(Id("19850307", 13), phone: phone)}\n");

        errors.Single().Field.ShouldBe("phone");
    }

    [Fact]
    public void IdNumber_WithABadCheckCharacter_IsRefused()
    {
        var good = Id("19850307", 13);
        var bad = good[..17] + (good[17] == '1' ? "2" : "1");

        var (_, errors) = Check($"{Header}\n{Row(bad)}\n");

        errors.Single().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("id_number"), e => e.Reason.ShouldContain("check character"));
    }

    [Theory]
    [InlineData("220204", "County")]
    [InlineData("220204003999", "区划 220204003999 不存在")]
    [InlineData("22020400300", "「22020400300」不是区划代码")]
    public void Region_TooHighUnknownOrMalformed_IsRefused(string region, string reason)
    {
        var (_, errors) = Check($"{Header}\n{Row(Id("19850307", 13), region: region)}\n");

        errors.Single().ShouldSatisfyAllConditions(e => e.Field.ShouldBe("region_code"), e => e.Reason.ShouldContain(reason));
    }

    [Fact]
    public void Region_Township_IsAccepted()
    {
        var (rows, errors) = Check($"{Header}\n{Row(Id("19850307", 13), region: "220204003")}\n");

        errors.ShouldBeEmpty();
        rows.Single().RegionCode.ShouldBe("220204003");
    }

    [Fact]
    public void Region_OutsideTheJurisdiction_IsRefused()
    {
        var (_, errors) = Check($"{Header}\n{Row(Id("19850307", 13))}\n", new Jurisdiction("w", "220204004", SeesFullIdentity: false));

        errors.Single().Reason.ShouldContain("不在管辖范围");
    }

    [Fact]
    public void SameDocumentTwice_SecondIsRefusedNamingTheFirstLine()
    {
        var id = Id("19850307", 13);
        var (rows, errors) = Check($"{Header}\n{Row(id)}\n{Row(Id("19850307", 15))}\n{Row(id.ToLowerInvariant())}\n");

        rows.Count.ShouldBe(2);
        errors.Single().ShouldSatisfyAllConditions(e => e.Line.ShouldBe(4), e => e.Field.ShouldBe("id_number"), e => e.Reason.ShouldContain("已在第 2 行"));
    }

    [Fact]
    public void ChineseHeaderAliases_AreMappedToTheColumns()
    {
        const string header = "身份证号,姓名,性别,出生日期,手机号,区划代码,小区,楼栋,单元,房间,户号,证件类型,健康码";
        var id = Id("19850307", 13);

        var (rows, errors) = Check($"{header}\n{id},张伟,男,1985-03-07,13904321234,220204003001,吉源小区,1号楼,1单元,101,H1,居民身份证,红码\n");

        errors.ShouldBeEmpty();
        rows.Single().ShouldSatisfyAllConditions(
            r => r.DocumentNumber.ShouldBe(id),
            r => r.Phone.ShouldBe("13904321234"),
            r => r.Room.ShouldBe("101"),
            r => r.HealthCode.ShouldBe(HealthCode.Red));
    }

    [Theory]
    [InlineData("证件号码,姓名,性别,出生日期,联系电话,区划代码,小区,楼栋,单元,门牌号,户号")]
    [InlineData("ID_NUMBER,Name,Sex,Birth_Date,Phone,Region_Code,Compound,Building,Unit,Room,Household_No")]
    public void OtherHeaderSpellings_AreAccepted(string header)
    {
        using var reader = new PersonCsvReader(new StringReader(header + "\n"));

        reader.HeaderErrors.ShouldBeEmpty();
    }

    [Fact]
    public void Header_WithAMissingAndAnUnknownColumn_IsRefused()
    {
        using var reader = new PersonCsvReader(new StringReader("id_number,name,sex,birth_date,phnoe,region_code,compound,building,unit,room,household_no\n"));

        reader.HeaderErrors.Select(e => e.Field).ShouldBe(["phnoe", "phone"], ignoreOrder: true);
        reader.ReadRecords().ShouldBeEmpty();
    }

    [Fact]
    public void Passport_IsAcceptedWithoutChecksumAndKeepsGivenSexAndDate()
    {
        var (rows, errors) = Check("document_type,id_number,name,sex,birth_date,phone,region_code,compound,building,unit,room,household_no\n"
            + "Passport,e1234567,John Smith,M,1990-05-01,,220204003001,,,,,\n");

        errors.ShouldBeEmpty();
        rows.Single().ShouldSatisfyAllConditions(
            r => r.DocumentType.ShouldBe(DocumentType.Passport),
            r => r.DocumentNumber.ShouldBe("E1234567"),
            r => r.Sex.ShouldBe(Sex.Male),
            r => r.Compound.ShouldBeNull());
    }

    [Fact]
    public void QuotedFieldsWithCommasAndLineBreaks_AreReadAndLinesStayRight()
    {
        var id1 = Id("19850307", 13);
        var id2 = Id("19850307", 15);
        var csv = $"{Header}\r\n{id1},\"张,伟\",男,1985-03-07,,220204003001,\"吉源\n小区\",1号楼,1单元,101,H1\r\n{id2},李四,女,1985-03-07,,220204003001,,,,,\r\n";

        var (rows, errors) = Check(csv);

        rows.Single().Name.ShouldBe("张,伟");
        rows.Single().Compound.ShouldBe("吉源\n小区");
        errors.Single().ShouldSatisfyAllConditions(e => e.Line.ShouldBe(4), e => e.Field.ShouldBe("sex"));
    }

    [Fact]
    public void RowWithTheWrongNumberOfFields_IsRefused()
    {
        var (_, errors) = Check($"{Header}\n{Id("19850307", 13)},张伟,男\n");

        errors.Single().ShouldSatisfyAllConditions(e => e.Line.ShouldBe(2), e => e.Reason.ShouldContain("应为 11 列，实际 3 列"));
    }

    [Fact]
    public void BuildingWithoutCompound_IsRefused()
    {
        var (_, errors) = Check($"{Header}\n{Id("19850307", 13)},张伟,男,1985-03-07,,220204003001,,1号楼,,101,H1\n");

        errors.Single().Field.ShouldBe("building");
    }

    [Fact]
    public void UnclosedQuote_IsAFormatErrorNamingItsLine()
    {
        using var reader = new PersonCsvReader(new StringReader($"{Header}\n{Row(Id("19850307", 13))}\n{Id("19850307", 15)},\"张三,男\n"));

        var error = Should.Throw<FormatException>(() => reader.ReadRecords().ToList());

        error.Message.ShouldContain("第 3 行");
    }
}
