using Fangkong.Accountability;

namespace Fangkong.UnitTests.Accountability;

/// <summary>Issue 14, item 9: the notice filter for phones and identity numbers is not bypassed by spacing or full-width digits.</summary>
public sealed class NoticeNumberFilterTests
{
    [Theory]
    [InlineData("联系电话 139 0432 1001 未报备", "13904321001")]
    [InlineData("联系电话139-0432-1001", "13904321001")]
    [InlineData("联系电话139.0432.1001", "13904321001")]
    [InlineData("联系电话１３９０４３２１００１", "13904321001")]
    [InlineData("联系电话１３９ ０４３２ １００１", "13904321001")]
    [InlineData("联系电话139\u200B0432\u200B1001", "13904321001")]
    [InlineData("联系电话139\u00A00432\u30001001", "13904321001")]
    [InlineData("联系电话(139)04321001", "13904321001")]
    [InlineData("联系电话 ①③⑨⓪④③②①⓪⓪① ", "13904321001")]
    [InlineData("身份证号 220204 19900101 123X", "22020419900101123X")]
    [InlineData("身份证号２２０２０４１９９００１０１１２３Ｘ", "22020419900101123X")]
    [InlineData("身份证号 2202-0419-9001-0112-3x", "22020419900101123x")]
    public void Unpublishable_FindsNumbers_HoweverTheyAreSpacedOrWritten(string text, string expected) =>
        NoticeWriter.Unpublishable(text).ShouldBe(expected);

    [Theory]
    [InlineData("2022-03-14 至 2022-03-28 期间")]
    [InlineData("2022.03.14—2022.03.28，共 11 名干部")]
    [InlineData("2022 年 4 月 9 日，11 名党员干部")]
    [InlineData("３月１２日同行的４名村民中有３人确诊")]
    [InlineData("处分 3 人、诫勉 12 人、通报 139 次")]
    public void Unpublishable_StillLetsDatesAndCountsThrough(string text) => NoticeWriter.Unpublishable(text).ShouldBeNull();
}
