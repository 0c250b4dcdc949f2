using Fangkong.Accountability;

namespace Fangkong.UnitTests.Accountability;

/// <summary>The 禁则 and the title's breaks, on a grid of one unit a CJK character and half a unit a Latin one.</summary>
public sealed class LineBreakingTests
{
    private static double Width(string text) =>
        LineBreaking.Pieces(text).Sum(piece => CjkFont.IsCjk(piece[0], true) ? 1 : 0.5 * piece.Length);

    [Fact]
    public void Lines_NeverStartWithAClosingMarkNorEndWithAnOpeningOne()
    {
        // Each width puts a mark at a break somewhere: every one must be moved off it.
        const string text = "吉林市第二人民医院在承担“黄码”“绿码”医院诊疗任务期间，因管理不当，致使两类人员在诊疗区域、医疗设备、医务人员方面高频交叉接触。此外，该医院还存在布局流程不科学（见附件）等问题。";
        for (var width = 5; width <= 28; width++)
        {
            var lines = LineBreaking.Lines(text, Width, width, 2);
            string.Concat(lines.SelectMany(l => l)).ShouldBe(text);
            foreach (var line in lines.Skip(1))
            {
                LineBreaking.NoLineStart.ShouldNotContain(line[0][0], $"width {width}: {string.Concat(line)}");
            }

            foreach (var line in lines.SkipLast(1))
            {
                LineBreaking.NoLineEnd.ShouldNotContain(line[^1][^1], $"width {width}: {string.Concat(line)}");
                line.Sum(Width).ShouldBeLessThanOrEqualTo(width);
            }
        }
    }

    [Fact]
    public void Lines_KeepANumberWhole()
    {
        var lines = LineBreaking.Lines("现对疫情防控工作中2022名党员干部通报", Width, 10, 0);
        lines.ShouldAllBe(l => !l.Any(p => p.Length > 1 && p != "2022"));
        lines.SelectMany(l => l).ShouldContain("2022");
    }

    [Fact]
    public void TitleLines_BreakBetweenWordsIntoEvenLines()
    {
        var lines = LineBreaking.TitleLines("关于疫情防控工作中11名党员干部及公职人员履职不力等典型问题的通报", Width, 20);
        lines.ShouldBe(["关于疫情防控工作中11名党员干部", "及公职人员履职不力等典型问题的通报"]);
        // A title that fits stays on one line.
        LineBreaking.TitleLines("关于王某问题的通报", Width, 20).ShouldBe(["关于王某问题的通报"]);
    }

    [Fact]
    public void TitleBreaks_AreNeverInsideANumber() =>
        LineBreaking.TitleBreaks("关于疫情防控工作中11名党员干部").ShouldNotContain(10);
}
