namespace Fangkong.Accountability;

/// <summary>
/// The title, opening and closing a notice gets when the editor leaves them empty, modelled on seed 000
/// (吉林市纪委监委, 2022-04-09) and fitted to the issuer's place: "吉林市纪委监委" speaks of 吉林市 and 全市.
/// </summary>
public static class NoticeDefaults
{
    /// <summary>The word of the commonest problem: a notice of only such matters calls them so, otherwise "履职不力等".</summary>
    private const string CommonProblem = "履职不力";

    private static readonly string[] BodySuffixes = ["纪律检查委员会监察委员会", "纪律检查委员会", "纪委监委", "监察委员会", "纪委", "监委"];

    /// <summary>"履职不力" when every matter's problem is one, "履职不力等" when some are of other kinds (seed 000: 下沉, 瞒报).</summary>
    public static string ProblemKinds(IEnumerable<string> caseTitles) =>
        caseTitles.All(t => t.Contains(CommonProblem, StringComparison.Ordinal)) ? CommonProblem : CommonProblem + "等";

    public static string Title(int officials, string kinds) => $"关于疫情防控工作中{officials}名党员干部及公职人员{kinds}典型问题的通报";

    /// <summary>
    /// Seed 000's opening, its four sentences, for the issuer's place. The seed's "终于实现社会面清零目标"
    /// is left out: a default cannot claim an outcome; the editor adds it when it is true.
    /// </summary>
    public static string Opening(int officials, string kinds, string issuingBody)
    {
        var (place, scope) = Place(issuingBody);
        return $"{place}疫情发生以来，全{scope}上下坚决贯彻落实习近平总书记重要讲话重要指示批示精神，严格落实{Superiors(scope)}疫情防控工作领导小组具体部署，"
            + "按照“四应四尽”要求，采取坚决果断有效措施，不眠不休持续奋战。"
            + "广大党员干部政治坚定、挺身而出、英勇奋斗，战斗在第一线，工作在最前沿，为疫情防控工作作出应有贡献。"
            + "但在工作中也发现个别党员干部存在责任意识不强、纪律观念淡薄、担当作为不够、工作作风不实等问题。"
            + $"为进一步严明政治纪律，严格工作要求，巩固来之不易的疫情防控成果，现对疫情防控工作中{officials}名党员干部及公职人员{kinds}典型问题通报如下。";
    }

    /// <summary>Seed 000's closing in full (without the reporter's "通报称，"), for the issuer's place.</summary>
    public static string Closing(string issuingBody)
    {
        var scope = Place(issuingBody).Scope;
        return $"全{scope}各级党组织和广大党员干部、公职人员要充分汲取教训、引以为戒、举一反三、查缺补漏，深刻认识疫情防控工作的复杂性、艰巨性、反复性，"
            + "把疫情防控作为当前压倒一切的重大政治任务，切实履行主体责任，坚决克服麻痹思想、侥幸心理、厌战情绪、松劲心态，从严从紧、从细从实落实疫情防控各项举措，"
            + "咬紧牙关、毫不放松、一鼓作气实现疫情防控目标。"
            + "各级纪检监察机关要坚持严字当头，带头深入一线，持续加强督导检查，对疫情防控工作中思想懈怠、责任缺失、落实不力、作风不实，尤其是有令不行有禁不止、"
            + "迟报瞒报谎报漏报等失职失责问题，发现一起坚决查处一起，点名道姓通报曝光，充分发挥警示震慑作用，坚决防止疫情反弹，"
            + $"以强有力措施推进全{scope}疫情防控工作取得最后胜利。";
    }

    /// <summary>The issuer's place and its one-character scope: 吉林市纪委监委 → (吉林市, 市); 龙潭区纪委监委 → (龙潭区, 区).</summary>
    private static (string Place, string Scope) Place(string issuingBody)
    {
        var place = issuingBody.Trim();
        if (BodySuffixes.FirstOrDefault(s => place.EndsWith(s, StringComparison.Ordinal)) is { } suffix)
        {
            place = place[..^suffix.Length];
        }

        // 中共吉林市纪委: the party's prefix is not part of the place.
        if (place.StartsWith("中共", StringComparison.Ordinal))
        {
            place = place[2..];
        }

        var scope = place.Length > 0 && "省市州县区旗".Contains(place[^1], StringComparison.Ordinal) ? place[^1].ToString() : "市";
        return (place, scope);
    }

    /// <summary>The levels whose command the opening says was followed: a city follows 省市, a district 省市区.</summary>
    private static string Superiors(string scope) => scope switch
    {
        "省" => "省",
        "市" or "州" => "省" + scope,
        _ => "省市" + scope,
    };
}
