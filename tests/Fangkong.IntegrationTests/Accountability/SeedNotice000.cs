namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// The matters of seed 000 (吉林市纪委监委's notice of 2022-04-09 on 11 officials), as the cases
/// an inspector would enter, with what the published text says of each person: the post and the
/// words of the measure. Six matters name the eleven officials.
/// </summary>
public static class SeedNotice000
{
    public sealed record Person(string Name, string Unit, string Post, string Responsibility, string? Note, string[] Measures, string Published);

    public sealed record Matter(string Region, string Title, string Facts, string? Consequence, string IncidentDate, Person[] People);

    public static IReadOnlyList<Matter> Matters { get; } =
    [
        new(
            AccountabilityWorld.City,
            "在疫情防控工作中履职不力，导致发生院内感染问题",
            "吉林市第二人民医院在承担“黄码”“绿码”医院诊疗任务期间，因管理不当，致使两类人员在诊疗区域、医疗设备、医务人员方面高频交叉接触。此外，该医院还存在布局流程不科学、感控人员欠缺、穿脱防护用品不规范、患者陪护管理混乱等问题",
            "致使出现院内感染",
            "2022-03-10",
            [
                new("张立业", "吉林市卫生健康委员会", "党组成员、副主任", "领导责任", "市卫生健康委员会落实监管责任不力", ["党内警告"], "党内警告处分"),
                new("鲍怀东", "市第二人民医院", "院长", "领导责任", "市第二人民医院对院内疫情防控不力", ["党内严重警告"], "党内严重警告处分"),
            ]),
        new(
            "220204",
            "在疫情防控工作中履职不力，导致辖区养老院发生聚集性疫情问题",
            "根据疫情防控要求，3月4日起全市养老院实行封闭式管理。船营区4家养老院未严格执行封闭管理规定，致使养老院内部爆发聚集性疫情",
            "造成不良影响",
            "2022-03-04",
            [
                new("王健鹏", "船营区委", "常委、副区长", "领导责任", null, ["党内警告"], "党内警告处分"),
                new("王兆珩", "船营区民政局", "局长", "领导责任", "船营区民政局落实监管责任不力，指导督导不到位，监督检查流于形式，未及时发现养老院封闭管理中存在的问题", ["党内严重警告"], "党内严重警告处分"),
                new("王尚义", "船营区民政局", "副局长", "领导责任", null, ["免职"], "免职处理"),
            ]),
        new(
            "220204",
            "在疫情防控工作中履职不力，导致辖区内企业发生聚集性疫情问题",
            "根据疫情防控要求，3月26日市保供企业吉林福源馆食品集团有限责任公司对员工进行封闭管理。在封闭期间，吉林福源馆食品集团有限责任公司防控措施不当，未严格将对外送货人员同厂区生产人员分类管理，送货人员与其他工作人员共同食宿，导致企业发生聚集性疫情",
            "造成了不良影响",
            "2022-03-26",
            [
                new("于振东", "吉林市船营经济开发区", "党工委书记、管委会主任", "属地责任", "船营开发区落实疫情防控属地责任不力，对疫情防控工作麻痹大意，未监督企业严格执行闭环管理制度", ["党内警告"], "党内警告处分"),
                new("姚鹏飞", "船营区工业和信息化局", "局长", "监管责任", "船营区工业与信息化局落实行业监管责任不力，监督检查流于形式，疫情防控工作不严不实", ["诫勉"], "诫勉处理"),
            ]),
        new(
            "220204",
            "不正确履行下沉职责问题",
            "3月14日，梅傲霜在下沉社区工作过程中，作风不严不实，未按时到岗，到岗后未及时有效开展工作，与社区志愿者争吵并发生肢体冲突",
            "造成不良社会影响",
            "2022-03-14",
            [
                new("郭力玮", "船营区第二十五小学校", "副校长", "领导责任", null, ["诫勉"], "诫勉处理"),
                new("梅傲霜", "船营区第二十五小学校", "信息技术中心主任", "直接责任", null, ["政务警告"], "警告处分"),
            ]),
        new(
            AccountabilityWorld.Longtan,
            "对居家隔离人员管控不力、未及时上报真实信息问题",
            "3月5日，王立波在负责龙潭区江密峰镇夹信子村居家隔离管控及信息统计上报工作过程中，明知其弟王某某（本村居家隔离人员）脱离管控私自驾车外出接吉林市十八中学生王某，未将该情况及时上报给江密峰镇疫情防控办",
            "为疫情防控工作带来严重隐患",
            "2022-03-05",
            [
                new("王立波", "龙潭区江密峰镇夹信子村村民委员会", "妇女主任", "直接责任", null, ["党内严重警告"], "党内严重警告处分"),
            ]),
        new(
            AccountabilityWorld.Panshi,
            "瞒报行程，造成不良影响问题",
            "3月2日，侯金龙自驾车与同屯4名村民前往吉林市购买化肥，返回后未按规定如实报备，致使上级部门未及时对上述人员采取管控措施",
            "3月12日同行的4名村民中有3人被确诊为阳性病例，后该屯爆发大规模聚集性新冠肺炎疫情",
            "2022-03-02",
            [
                new("侯金龙", "磐石市驿马镇滚马岭村党支部", "组织委员兼村民委员会报账员", "直接责任", null, ["撤销党内职务"], "撤销党内职务处分"),
            ]),
    ];

    public static object Command(Matter m) => new
    {
        region = m.Region,
        title = m.Title,
        facts = m.Facts,
        consequence = m.Consequence,
        incidentDate = m.IncidentDate,
        incidentLinks = "吉林市纪委监委通报（2022年4月9日）",
        officials = m.People.Select(p => new
        {
            name = p.Name,
            unit = p.Unit,
            post = p.Post,
            region = m.Region,
            responsibility = p.Responsibility,
            responsibilityNote = p.Note,
            measures = p.Measures,
        }).ToArray(),
    };
}
