using System.Globalization;
using System.Text;

namespace Fangkong.Areas;

/// <summary>The facts a proposal rests on, as one line in Chinese and English (counts and dates only, no one's name).</summary>
internal static class ProposalFacts
{
    public static string Of(AreaCriteria line)
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.Append(line.LastInfectionOn is { } last
            ? string.Create(c, $"最近新增 {last:yyyy-MM-dd}（{line.CleanDays} 天无新增）; ") + string.Create(c, $"last infection {last:yyyy-MM-dd} ({line.CleanDays} clean days). ")
            : "无新增感染; no infection. ");
        text.Append(line.LastContactExposureOn is { } exposed
            ? string.Create(c, $"最后密接暴露 {exposed:yyyy-MM-dd}，{(line.LastContactTestedNegative == true ? "此后阴性" : "此后未见阴性")}; ")
                + string.Create(c, $"last close contact exposed {exposed:yyyy-MM-dd}, {(line.LastContactTestedNegative == true ? "negative since" : "no negative since")}. ")
            : "无密接; no close contact. ");
        text.Append(line.RoundId is { } round
            ? string.Create(c, $"核酸 {line.RoundOn:yyyy-MM-dd}（轮次 {round}）阴性 {line.RoundNegative}/{line.Residents}，阳性 {line.RoundPositive}; ")
                + string.Create(c, $"round {round} on {line.RoundOn:yyyy-MM-dd}: {line.RoundNegative}/{line.Residents} negative, {line.RoundPositive} positive.")
            : "窗口内无核酸轮次; no round in the window.");
        return text.ToString();
    }
}
