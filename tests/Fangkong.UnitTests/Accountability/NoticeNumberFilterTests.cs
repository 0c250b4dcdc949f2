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
    [InlineData("联系电话一三九〇四三二一〇〇一", "13904321001")]
    [InlineData("联系电话一三九零四三二幺零零幺", "13904321001")]
    [InlineData("联系电话壹叁玖零肆叁贰壹零零壹", "13904321001")]
    [InlineData("联系电话壹參玖零肆叁貳壹零零壹", "13904321001")]
    [InlineData("联系电话 一三九 ０４３２ 1〇〇一", "13904321001")]
    [InlineData("身份证号二二〇二〇四一九九〇〇一〇一一二三X", "22020419900101123X")]
    public void Unpublishable_FindsNumbers_HoweverTheyAreSpacedOrWritten(string text, string expected) =>
        NoticeWriter.Unpublishable(text).ShouldBe(expected);

    [Theory]
    [InlineData("2022-03-14 至 2022-03-28 期间")]
    [InlineData("2022.03.14—2022.03.28，共 11 名干部")]
    [InlineData("2022 年 4 月 9 日，11 名党员干部")]
    [InlineData("３月１２日同行的４名村民中有３人确诊")]
    [InlineData("处分 3 人、诫勉 12 人、通报 139 次")]
    [InlineData("二〇二二年三月十四日至三月二十八日，十一名干部")]
    [InlineData("第一、二、三、四、五、六批次共一百二十三人")]
    public void Unpublishable_StillLetsDatesAndCountsThrough(string text) => NoticeWriter.Unpublishable(text).ShouldBeNull();
}
