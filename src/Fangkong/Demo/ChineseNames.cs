namespace Fangkong.Demo;

/// <summary>Plausible Chinese names: common surnames weighted by frequency, one- or two-character given names.</summary>
internal static class ChineseNames
{
    // The most frequent surnames (roughly in order of frequency in the north-east); earlier ones are drawn more often.
    private const string Surnames =
        "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴孔汤关鲍";

    private const string MaleGiven = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘";

    private const string FemaleGiven = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽";

    public static string Next(Random random, bool male)
    {
        // Skewed towards the front of the list, like real surname frequencies.
        var index = (int)(Math.Pow(random.NextDouble(), 2.2) * Surnames.Length);
        var surname = Surnames[index];
        var given = male ? MaleGiven : FemaleGiven;
        var first = given[random.Next(given.Length)];
        return random.NextDouble() < 0.3
            ? string.Concat(surname, first)
            : string.Concat(surname, first, given[random.Next(given.Length)]);
    }

    public static string Surname(Random random) => Surnames[(int)(Math.Pow(random.NextDouble(), 2.2) * Surnames.Length)].ToString();
}
