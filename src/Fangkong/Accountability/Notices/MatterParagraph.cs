using System.Globalization;
using System.Text;

namespace Fangkong.Accountability;

/// <summary>
/// One matter's paragraph in the grammar of seed 000 (吉林市纪委监委, 2022-04-09):
/// <list type="number">
/// <item>who, and the problem: "张立业，市第二人民医院院长鲍怀东在…履职不力，导致发生院内感染问题。" — or the first
/// official and "等N人" when the case says so;</item>
/// <item>the facts, with the consequence as their last clause ("……等问题，致使出现院内感染。"), or as a
/// sentence of its own when the facts were typed ending their sentence;</item>
/// <item>the units' failings, a sentence of their own;</item>
/// <item>each official with a note of their unit's failure: "note，name[qualifier]负有X责任，受到M" — short
/// notes joined by "；", notes with clauses of their own each a sentence;</item>
/// <item>the others' responsibilities grouped by kind: "王健鹏和船营区民政局局长王兆珩、副局长王尚义负有领导责任。";</item>
/// <item>their measures, officials of one unit and one responsibility together:
/// "王健鹏受到党内警告处分，王兆珩、王尚义分别受到党内严重警告处分、免职处理。"</item>
/// </list>
/// An official is named with unit and post the first time the paragraph speaks of them, by name after.
/// </summary>
internal static class MatterParagraph
{
    private const string SentenceEnds = "。！？；";

    public static string Write(int number, AccountabilityCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var officials = @case.Officials.OrderBy(o => o.Position).ToList();
        var named = new HashSet<AccountableOfficial>(ReferenceEqualityComparer.Instance);
        var text = new StringBuilder();
        text.Append(NoticeWriter.Numeral(number)).Append('、');
        if (@case.NameFirstOnly && officials.Count > 1)
        {
            text.Append(Mention(officials[0], named)).Append('等').Append(officials.Count.ToString(CultureInfo.InvariantCulture)).Append('人');
        }
        else
        {
            text.Append(List(officials, named, "，", "，"));
        }

        text.Append(Sentence(@case.Title));
        text.Append(FactsWithConsequence(@case.Facts, @case.Consequence));
        if (@case.Failings is { Length: > 0 } failings)
        {
            text.Append(Sentence(failings));
        }

        var noted = officials.Where(o => o.ResponsibilityNote is { Length: > 0 }).ToList();
        if (noted.Count > 0)
        {
            var clauses = noted.Select(o => Clause(o.ResponsibilityNote!) + "，" + Mention(o, named) + Responsibility(o, "，") + "受到" + SanctionCatalogue.Wording(o.MeasureList));
            // A semicolon joins short clauses (seed 000, first matter); when a note has clauses of its own,
            // each person is a sentence (third matter), or the semicolons would run a paragraph together.
            var between = noted.Any(o => o.ResponsibilityNote!.Contains('，', StringComparison.Ordinal)) ? "。" : "；";
            text.Append(string.Join(between, clauses)).Append('。');
        }

        var others = officials.Where(o => o.ResponsibilityNote is not { Length: > 0 }).ToList();
        var responsibilities = ResponsibilityGroups(others.Where(o => o.StateResponsibility).ToList())
            .Select(g => List(g, named, "、", "和") + Responsibility(g[0], string.Empty))
            .ToList();
        if (responsibilities.Count > 0)
        {
            text.Append(string.Join('；', responsibilities)).Append('。');
        }

        var measures = MeasureGroups(others).Select(g => Measures(g, named)).ToList();
        if (measures.Count > 0)
        {
            text.Append(string.Join('，', measures)).Append('。');
        }

        return text.ToString();
    }

    /// <summary>"[qualifier]负有领导责任" and what follows it, or nothing when the notice does not state it.</summary>
    private static string Responsibility(AccountableOfficial o, string after) =>
        o.StateResponsibility ? (o.Qualifier ?? string.Empty) + "负有" + ResponsibilityKinds.Zh(o.Responsibility) + after : string.Empty;

    /// <summary>Stated responsibilities by kind, in order of first appearance; a person with a qualifier stands alone.</summary>
    private static List<List<AccountableOfficial>> ResponsibilityGroups(List<AccountableOfficial> stated)
    {
        var groups = new List<List<AccountableOfficial>>();
        foreach (var o in stated)
        {
            var group = o.Qualifier is null
                ? groups.FirstOrDefault(g => g[0].Qualifier is null && g[0].Responsibility == o.Responsibility)
                : null;
            if (group is null)
            {
                groups.Add([o]);
            }
            else
            {
                group.Add(o);
            }
        }

        return groups;
    }

    /// <summary>Consecutive officials of one unit with one responsibility receive their measures in one clause.</summary>
    private static List<List<AccountableOfficial>> MeasureGroups(List<AccountableOfficial> others)
    {
        var groups = new List<List<AccountableOfficial>>();
        foreach (var o in others)
        {
            if (groups.Count > 0 && groups[^1][0] is var first && first.Unit == o.Unit && first.Responsibility == o.Responsibility
                && first.StateResponsibility == o.StateResponsibility)
            {
                groups[^1].Add(o);
            }
            else
            {
                groups.Add([o]);
            }
        }

        return groups;
    }

    /// <summary>"王健鹏受到党内警告处分", "王兆珩、王尚义分别受到党内严重警告处分、免职处理", "甲、乙均受到诫勉处理".</summary>
    private static string Measures(List<AccountableOfficial> group, HashSet<AccountableOfficial> named)
    {
        var who = List(group, named, "、", "、");
        var wordings = group.Select(o => SanctionCatalogue.Wording(o.MeasureList)).ToList();
        return group.Count == 1 ? who + "受到" + wordings[0]
            : wordings.Distinct().Count() == 1 ? who + "均受到" + wordings[0]
            : who + "分别受到" + string.Join('、', wordings);
    }

    /// <summary>
    /// Officials named in a row: one newly named after another of the same unit gives only post and name
    /// ("船营区第二十五小学校副校长郭力玮、信息技术中心主任梅傲霜"); the blocks are joined with
    /// <paramref name="between"/>, the last with <paramref name="last"/>.
    /// </summary>
    private static string List(IReadOnlyList<AccountableOfficial> people, HashSet<AccountableOfficial> named, string between, string last)
    {
        var blocks = new List<StringBuilder>();
        AccountableOfficial? introducedBefore = null;
        foreach (var o in people)
        {
            if (!named.Contains(o) && introducedBefore is not null && introducedBefore.Unit == o.Unit)
            {
                named.Add(o);
                blocks[^1].Append('、').Append(o.Post).Append(o.Name);
                introducedBefore = o;
                continue;
            }

            var introduced = !named.Contains(o);
            blocks.Add(new StringBuilder(Mention(o, named)));
            introducedBefore = introduced ? o : null;
        }

        if (blocks.Count <= 1)
        {
            return blocks.Count == 0 ? string.Empty : blocks[0].ToString();
        }

        return string.Join(between, blocks.Take(blocks.Count - 1)) + last + blocks[^1];
    }

    /// <summary>Unit, post and name the first time, the name after.</summary>
    private static string Mention(AccountableOfficial o, HashSet<AccountableOfficial> named) =>
        named.Add(o) ? o.Unit + o.Post + o.Name : o.Name;

    /// <summary>The facts with the consequence as their last clause, unless the facts were typed ending their sentence.</summary>
    private static string FactsWithConsequence(string facts, string? consequence)
    {
        var f = facts.Trim();
        if (consequence is not { Length: > 0 } c)
        {
            return Sentence(f);
        }

        if (f.Length == 0 || SentenceEnds.Contains(f[^1], StringComparison.Ordinal))
        {
            return f + Sentence(c);
        }

        return Clause(f) + "，" + Sentence(Clause(c));
    }

    private static string Clause(string text) => text.Trim().TrimEnd('。', '，', '；', ',', ';', ' ');

    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || SentenceEnds.Contains(t[^1], StringComparison.Ordinal) ? t : t + "。";
    }
}
