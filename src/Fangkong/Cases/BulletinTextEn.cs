using System.Globalization;
using System.Text;
using Fangkong.Regions;

namespace Fangkong.Cases;

/// <summary>
/// An English rendering of the bulletin for readers without Chinese, sentence for sentence the
/// same figures as <see cref="BulletinTextZh"/>. Unit names stay as the region register has
/// them (Chinese), since that is how they are looked up.
/// </summary>
public static class BulletinTextEn
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Render(DailyBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var scope = Scope(bulletin.Region.Level);
        var day = bulletin.Date.ToString("d MMMM yyyy", En);
        var c = bulletin.NewConfirmed;
        var text = new StringBuilder();
        text.Append(En, $"From 0:00 to 24:00 on {day}, {bulletin.Region.Name} ({scope}) reported {Count(c.Total, "new local confirmed case", "new local confirmed cases")}");
        if (c.Total > 0)
        {
            var types = new[] { ("mild", c.Mild), ("moderate", c.Moderate), ("severe", c.Severe), ("critical", c.Critical) }.Where(t => t.Item2 > 0);
            text.Append(" (").AppendJoin(", ", types.Select(t => string.Create(En, $"{t.Item2} {t.Item1}"))).Append("), of which ");
            text.AppendJoin(", ", BulletinOrder.ByCount(c.ByUnit, u => u.Count, u => u.Code).Select(u => u.Converted > 0
                ? string.Create(En, $"{u.Name} {u.Count} (including {Count(u.Converted, "asymptomatic infection", "asymptomatic infections")} reclassified as confirmed)")
                : string.Create(En, $"{u.Name} {u.Count}")));
        }

        text.Append(". ");
        Units(text, "new local asymptomatic infection", "new local asymptomatic infections", bulletin.NewAsymptomatic);
        if (bulletin.Imported is { } imported && imported.Confirmed + imported.Asymptomatic > 0)
        {
            text.Append(En, $"Imported from abroad: {Count(imported.Confirmed, "confirmed case", "confirmed cases")} and {Count(imported.Asymptomatic, "asymptomatic infection", "asymptomatic infections")}. ");
        }

        Units(text, "confirmed case cured and discharged", "confirmed cases cured and discharged", bulletin.Discharged);
        Units(text, "asymptomatic infection released from medical observation", "asymptomatic infections released from medical observation", bulletin.ReleasedFromObservation);
        var k = bulletin.ContactsToDate;
        text.Append(En,
            $"As of 24:00 on {day}, {Count(k.Close, "close contact", "close contacts")} had been traced in this outbreak, {k.CloseReleased:N0} of them released from quarantine; " +
            $"and {Count(k.Secondary, "secondary contact", "secondary contacts")}, {k.SecondaryReleased:N0} of them released.");
        return text.ToString();
    }

    private static string Scope(RegionLevel level) => level switch
    {
        RegionLevel.Province => "province",
        RegionLevel.City => "city",
        _ => "county",
    };

    private static string Count(int n, string one, string many) => string.Create(En, $"{n:N0} {(n == 1 ? one : many)}");

    private static void Units(StringBuilder text, string one, string many, UnitFigures figures)
    {
        var sentence = Count(figures.Total, one, many);
        text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence.AsSpan(1));
        if (figures.Total > 0)
        {
            text.Append(": ").AppendJoin(", ", BulletinOrder.ByCount(figures.ByUnit, u => u.Count, u => u.Code).Select(u => string.Create(En, $"{u.Name} {u.Count:N0}")));
        }

        text.Append(". ");
    }
}
