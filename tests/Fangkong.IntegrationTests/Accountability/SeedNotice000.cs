namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// The matters of seed 000 (吉林市纪委监委's notice of 2022-04-09 on 11 officials), as the cases
/// an inspector would enter, with what the published text says of each person: the post and the
/// words of the measure. Six matters name the eleven officials. Each matter's paragraph as the
/// seed prints it is kept verbatim, to hold the generated text against.
/// </summary>
public static class SeedNotice000
{
    /// <summary>One official as entered; <paramref name="Stated"/> false where the seed leaves their responsibility unsaid.</summary>
    public sealed record Person(string Name, string Unit, string Post, string Responsibility, string? Note, string[] Measures, string? Qualifier = null, bool Stated = true);

    /// <summary>One matter as entered, and <paramref name="Seed"/>: its paragraph as the seed prints it, copied verbatim.</summary>
    public sealed record Matter(
        string Region, string Title, string Facts, string? Consequence, string IncidentDate, Person[] People, string Seed, string? Failings = null, bool NameFirstOnly = false);

    public static IReadOnlyList<Matter> Matters { get; } =
    [
        new(
            AccountabilityWorld.City,
            "在疫情防控工作中履职不力，导致发生院内感染问题",
            "吉林市第二人民医院在承担“黄码”“绿码”医院诊疗任务期间，因管理不当，致使两类人员在诊疗区域、医疗设备、医务人员方面高频交叉接触。此外，该医院还存在布局流程不科学、感控人员欠缺、穿脱防护用品不规范、患者陪护管理混乱等问题",
            "致使出现院内感染",
            "2022-03-10",
            [
                new("张立业", "吉林市卫生健康委员会", "党组成员、副主任", "领导责任", "市卫生健康委员会落实监管责任不力", ["党内警告"]),
                new("鲍怀东", "市第二人民医院", "院长", "领导责任", "市第二人民医院对院内疫情防控不力", ["党内严重警告"], Qualifier: "作为院长"),
            ],
            "吉林市卫生健康委员会党组成员、副主任张立业，市第二人民医院院长鲍怀东在疫情防控工作中履职不力，导致发生院内感染问题。吉林市第二人民医院在承担“黄码”“绿码”医院诊疗任务期间，因管理不当，致使两类人员在诊疗区域、医疗设备、医务人员方面高频交叉接触。此外，该医院还存在布局流程不科学、感控人员欠缺、穿脱防护用品不规范、患者陪护管理混乱等问题，致使出现院内感染。市卫生健康委员会落实监管责任不力，张立业负有领导责任，受到党内警告处分；市第二人民医院对院内疫情防控不力，鲍怀东作为院长负有领导责任，受到党内严重警告处分。"),
        new(
            "220204",
            "在疫情防控工作中履职不力，导致辖区养老院发生聚集性疫情问题",
            "根据疫情防控要求，3月4日起全市养老院实行封闭式管理。船营区4家养老院未严格执行封闭管理规定，致使养老院内部爆发聚集性疫情",
            "造成不良影响",
            "2022-03-04",
            [
                new("王健鹏", "船营区委", "常委、副区长", "领导责任", null, ["党内警告"]),
                new("王兆珩", "船营区民政局", "局长", "领导责任", null, ["党内严重警告"]),
                new("王尚义", "船营区民政局", "副局长", "领导责任", null, ["免职"]),
            ],
            "船营区委常委、副区长王健鹏等3人在疫情防控工作中履职不力，导致辖区养老院发生聚集性疫情问题。根据疫情防控要求，3月4日起全市养老院实行封闭式管理。船营区4家养老院未严格执行封闭管理规定，致使养老院内部爆发聚集性疫情，造成不良影响。船营区民政局落实监管责任不力，指导督导不到位，监督检查流于形式，未及时发现养老院封闭管理中存在的问题。王健鹏和船营区民政局局长王兆珩、副局长王尚义负有领导责任。王健鹏受到党内警告处分，王兆珩、王尚义分别受到党内严重警告处分、免职处理。",
            Failings: "船营区民政局落实监管责任不力，指导督导不到位，监督检查流于形式，未及时发现养老院封闭管理中存在的问题",
            NameFirstOnly: true),
        new(
            "220204",
            "在疫情防控工作中履职不力，导致辖区内企业发生聚集性疫情问题",
            "根据疫情防控要求，3月26日市保供企业吉林福源馆食品集团有限责任公司对员工进行封闭管理。在封闭期间，吉林福源馆食品集团有限责任公司防控措施不当，未严格将对外送货人员同厂区生产人员分类管理，送货人员与其他工作人员共同食宿，导致企业发生聚集性疫情",
            "造成了不良影响",
            "2022-03-26",
            [
                new("于振东", "吉林市船营经济开发区", "党工委书记、管委会主任", "领导责任", "船营开发区落实疫情防控属地责任不力，对疫情防控工作麻痹大意，未监督企业严格执行闭环管理制度", ["党内警告"]),
                new("姚鹏飞", "船营区工业和信息化局", "局长", "领导责任", "船营区工业与信息化局落实行业监管责任不力，监督检查流于形式，疫情防控工作不严不实", ["诫勉"]),
            ],
            "吉林市船营经济开发区党工委书记、管委会主任于振东，船营区工业和信息化局局长姚鹏飞在疫情防控工作中履职不力，导致辖区内企业发生聚集性疫情问题。根据疫情防控要求，3月26日市保供企业吉林福源馆食品集团有限责任公司对员工进行封闭管理。在封闭期间，吉林福源馆食品集团有限责任公司防控措施不当，未严格将对外送货人员同厂区生产人员分类管理，送货人员与其他工作人员共同食宿，导致企业发生聚集性疫情，造成了不良影响。船营开发区落实疫情防控属地责任不力，对疫情防控工作麻痹大意，未监督企业严格执行闭环管理制度，于振东负有领导责任，受到党内警告处分。船营区工业与信息化局落实行业监管责任不力，监督检查流于形式，疫情防控工作不严不实，姚鹏飞负有领导责任，受到诫勉处理。"),
        new(
            "220204",
            "不正确履行下沉职责问题",
            "3月14日，梅傲霜在下沉社区工作过程中，作风不严不实，未按时到岗，到岗后未及时有效开展工作，与社区志愿者争吵并发生肢体冲突",
            "造成不良社会影响",
            "2022-03-14",
            [
                new("郭力玮", "船营区第二十五小学校", "副校长", "领导责任", null, ["诫勉"], Qualifier: "作为带队领导，"),
                new("梅傲霜", "船营区第二十五小学校", "信息技术中心主任", "直接责任", null, ["警告"], Stated: false),
            ],
            "船营区第二十五小学校副校长郭力玮、信息技术中心主任梅傲霜不正确履行下沉职责问题。3月14日，梅傲霜在下沉社区工作过程中，作风不严不实，未按时到岗，到岗后未及时有效开展工作，与社区志愿者争吵并发生肢体冲突，造成不良社会影响。郭力玮作为带队领导，负有领导责任。郭力玮受到诫勉处理，梅傲霜受到警告处分。"),
        new(
            AccountabilityWorld.Longtan,
            "对居家隔离人员管控不力、未及时上报真实信息问题",
            "3月5日，王立波在负责龙潭区江密峰镇夹信子村居家隔离管控及信息统计上报工作过程中，明知其弟王某某（本村居家隔离人员）脱离管控私自驾车外出接吉林市十八中学生王某，未将该情况及时上报给江密峰镇疫情防控办",
            "为疫情防控工作带来严重隐患",
            "2022-03-05",
            [
                new("王立波", "龙潭区江密峰镇夹信子村村民委员会", "妇女主任", "直接责任", null, ["党内严重警告"], Stated: false),
            ],
            "龙潭区江密峰镇夹信子村村民委员会妇女主任王立波对居家隔离人员管控不力、未及时上报真实信息问题。3月5日，王立波在负责龙潭区江密峰镇夹信子村居家隔离管控及信息统计上报工作过程中，明知其弟王某某（本村居家隔离人员）脱离管控私自驾车外出接吉林市十八中学生王某，未将该情况及时上报给江密峰镇疫情防控办，为疫情防控工作带来严重隐患。王立波受到党内严重警告处分。"),
        new(
            AccountabilityWorld.Panshi,
            "瞒报行程，造成不良影响问题",
            "3月2日，侯金龙自驾车与同屯4名村民前往吉林市购买化肥，返回后未按规定如实报备，致使上级部门未及时对上述人员采取管控措施。",
            "3月12日同行的4名村民中有3人被确诊为阳性病例，后该屯爆发大规模聚集性新冠肺炎疫情",
            "2022-03-02",
            [
                new("侯金龙", "磐石市驿马镇滚马岭村党支部", "组织委员兼村民委员会报账员", "直接责任", null, ["撤销党内职务"], Stated: false),
            ],
            "磐石市驿马镇滚马岭村党支部组织委员兼村民委员会报账员侯金龙瞒报行程，造成不良影响问题。3月2日，侯金龙自驾车与同屯4名村民前往吉林市购买化肥，返回后未按规定如实报备，致使上级部门未及时对上述人员采取管控措施。3月12日同行的4名村民中有3人被确诊为阳性病例，后该屯爆发大规模聚集性新冠肺炎疫情。侯金龙受到撤销党内职务处分。"),
    ];

    /// <summary>The seed's opening, after the reporter's "4月9日，据吉林省吉林市纪委监委通报，".</summary>
    public const string Opening =
        "吉林市疫情发生以来，全市上下坚决贯彻落实习近平总书记重要讲话重要指示批示精神，严格落实省市疫情防控工作领导小组具体部署，按照“四应四尽”要求，采取坚决果断有效措施，不眠不休持续奋战，终于实现社会面清零目标。广大党员干部政治坚定、挺身而出、英勇奋斗，战斗在第一线，工作在最前沿，为疫情防控工作作出应有贡献。但在工作中也发现个别党员干部存在责任意识不强、纪律观念淡薄、担当作为不够、工作作风不实等问题。为进一步严明政治纪律，严格工作要求，巩固来之不易的疫情防控成果，现对疫情防控工作中11名党员干部及公职人员履职不力等典型问题通报如下。";

    /// <summary>The seed's closing, after the reporter's "通报称，".</summary>
    public const string Closing =
        "全市各级党组织和广大党员干部、公职人员要充分汲取教训、引以为戒、举一反三、查缺补漏，深刻认识疫情防控工作的复杂性、艰巨性、反复性，把疫情防控作为当前压倒一切的重大政治任务，切实履行主体责任，坚决克服麻痹思想、侥幸心理、厌战情绪、松劲心态，从严从紧、从细从实落实疫情防控各项举措，咬紧牙关、毫不放松、一鼓作气实现疫情防控目标。各级纪检监察机关要坚持严字当头，带头深入一线，持续加强督导检查，对疫情防控工作中思想懈怠、责任缺失、落实不力、作风不实，尤其是有令不行有禁不止、迟报瞒报谎报漏报等失职失责问题，发现一起坚决查处一起，点名道姓通报曝光，充分发挥警示震慑作用，坚决防止疫情反弹，以强有力措施推进全市疫情防控工作取得最后胜利。";

    /// <summary>Text with every kind of whitespace removed, as the seed's sentences are compared.</summary>
    public static string Flat(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static object Command(Matter m) => new
    {
        region = m.Region,
        title = m.Title,
        facts = m.Facts,
        consequence = m.Consequence,
        incidentDate = m.IncidentDate,
        incidentLinks = "吉林市纪委监委通报（2022年4月9日）",
        failings = m.Failings,
        nameFirstOnly = m.NameFirstOnly,
        officials = m.People.Select(p => new
        {
            name = p.Name,
            unit = p.Unit,
            post = p.Post,
            region = m.Region,
            responsibility = p.Responsibility,
            responsibilityNote = p.Note,
            measures = p.Measures,
            qualifier = p.Qualifier,
            stateResponsibility = p.Stated,
        }).ToArray(),
    };
}
