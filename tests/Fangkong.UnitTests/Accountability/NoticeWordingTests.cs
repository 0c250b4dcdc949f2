using Fangkong.Accountability;

namespace Fangkong.UnitTests.Accountability;

public sealed class NoticeWordingTests
{
    [Fact]
    public void Catalogue_IsInSeverityOrderWithinEachFamily()
    {
        var party = SanctionCatalogue.All.Where(s => s.Family == SanctionFamily.PartyDiscipline).Select(s => s.Zh).ToList();
        party.ShouldBe(["党内警告", "党内严重警告", "撤销党内职务", "留党察看", "开除党籍"]);
        SanctionCatalogue.All.Where(s => s.Family == SanctionFamily.GovernmentSanction).Select(s => s.Months).ShouldBe([6, 12, 18, 24, 24, null]);
        SanctionCatalogue.All.Select(s => s.Measure).ShouldBe(SanctionCatalogue.All.Select(s => s.Measure).Order());
    }

    [Fact]
    public void Wording_OrdersByCatalogue_AndJoinsTheLastWithHe()
    {
        SanctionCatalogue.Wording([SanctionMeasure.Dismissal, SanctionMeasure.PartySeriousWarning]).ShouldBe("党内严重警告处分和免职处理");
        SanctionCatalogue.Wording([SanctionMeasure.Admonition]).ShouldBe("诫勉处理");
        SanctionCatalogue.Wording([SanctionMeasure.GovernmentWarning, SanctionMeasure.Notice, SanctionMeasure.PartyWarning]).ShouldBe("党内警告处分、通报批评和政务警告处分");
    }

    [Fact]
    public void UnitSanctions_AreWordedWithoutAFamilyPrefix()
    {
        SanctionCatalogue.TryParse("警告", out var warning).ShouldBeTrue();
        warning.ShouldBe(SanctionMeasure.UnitWarning);
        SanctionCatalogue.Wording([SanctionMeasure.UnitWarning]).ShouldBe("警告处分");
        SanctionCatalogue.Wording([SanctionMeasure.GovernmentWarning]).ShouldBe("政务警告处分");
        SanctionCatalogue.All.Select(s => s.Zh).ShouldBeUnique();
    }

    [Theory]
    [InlineData("吉林市纪委监委", "吉林市疫情发生以来，全市上下", "严格落实省市疫情防控")]
    [InlineData("龙潭区纪委监委", "龙潭区疫情发生以来，全区上下", "严格落实省市区疫情防控")]
    [InlineData("吉林省纪委监委", "吉林省疫情发生以来，全省上下", "严格落实省疫情防控")]
    public void DefaultOpening_SpeaksOfTheIssuersPlace(string body, string start, string superiors)
    {
        var opening = NoticeDefaults.Opening(3, "履职不力", body);
        opening.ShouldStartWith(start);
        opening.ShouldContain(superiors);
        opening.ShouldEndWith("现对疫情防控工作中3名党员干部及公职人员履职不力典型问题通报如下。");
        NoticeDefaults.Closing(body).ShouldEndWith($"以强有力措施推进{start[(start.IndexOf('全', StringComparison.Ordinal))..^2]}疫情防控工作取得最后胜利。");
    }

    [Fact]
    public void ProblemKinds_SaysDengOnlyWhenAMatterIsOfAnotherKind()
    {
        NoticeDefaults.ProblemKinds(["在疫情防控工作中履职不力，导致发生院内感染问题", "履职不力问题"]).ShouldBe("履职不力");
        NoticeDefaults.ProblemKinds(["在疫情防控工作中履职不力，导致发生院内感染问题", "瞒报行程，造成不良影响问题"]).ShouldBe("履职不力等");
    }

    [Theory]
    [InlineData("免职", true)]
    [InlineData("Dismissal", true)]
    [InlineData("罚款", false)]
    [InlineData("", false)]
    [InlineData("250", false)]
    public void Parse_TakesCodeOrChineseName(string text, bool ok) => SanctionCatalogue.TryParse(text, out _).ShouldBe(ok);

    [Theory]
    [InlineData(1, "一")]
    [InlineData(10, "十")]
    [InlineData(11, "十一")]
    [InlineData(20, "二十")]
    [InlineData(36, "三十六")]
    public void Numeral_IsChinese(int n, string expected) => NoticeWriter.Numeral(n).ShouldBe(expected);

    [Theory]
    [InlineData("联系电话13904321001未报备", "13904321001")]
    [InlineData("身份证号22020419900101123X", "22020419900101123X")]
    [InlineData("3月12日同行的4名村民中有3人确诊", null)]
    [InlineData("2022年4月9日，11名党员干部", null)]
    [InlineData("编号139043210012", null)]
    public void Unpublishable_FindsPhonesAndIdentityNumbersOnly(string text, string? expected) => NoticeWriter.Unpublishable(text).ShouldBe(expected);
}
