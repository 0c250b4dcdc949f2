using System.Globalization;
using System.Text;
using Fangkong.Regions;

namespace Fangkong.Cases;

/// <summary>
/// An English rendering of the bulletin for readers without Chinese, sentence for sentence the
/// same figures as <see cref="BulletinTextZh"/> (and, for a city, <see cref="CityNoticeTextZh"/>:
/// where the cases were found and the counties it lists). Unit names stay as the region register
/// has them (Chinese), since that is how they are looked up.
/// </summary>
public static class BulletinTextEn
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    private const string Handling = "All of the above have been transferred to designated medical institutions for isolation and treatment; their close and secondary contacts have been traced and placed under control, and their homes and workplaces have been terminally disinfected. ";

    public static string Render(DailyBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var city = bulletin.Region.Level == RegionLevel.City;
        var scope = Scope(bulletin.Region.Level);
        var day = bulletin.Date.ToString("d MMMM yyyy", En);
        var c = bulletin.NewConfirmed;
        var a = bulletin.NewAsymptomatic;
        var found = bulletin.Found ?? new FoundWhere(Detection.None, Detection.None);
        var text = new StringBuilder();
        text.Append(En, $"From 0:00 to 24:00 on {day}, {bulletin.Region.Name} ({scope}) reported ");
        if (c.Total == 0 && a.Total == 0)
        {
            text.Append("no new local confirmed cases or asymptomatic infections. ");
        }
        else
        {
            text.Append(c.Total == 0 ? "no new local confirmed cases" : Count(c.Total, "new local confirmed case", "new local confirmed cases"));
            if (c.Total > 0)
            {
                var types = new[] { ("mild", c.Mild), ("moderate", c.Moderate), ("severe", c.Severe), ("critical", c.Critical) }.Where(t => t.Item2 > 0);
                text.Append(" (").AppendJoin(", ", types.Select(t => string.Create(En, $"{t.Item2} {t.Item1}"))).Append(')');
                if (city)
                {
                    text.Append(En, $", including {Count(c.Converted, "asymptomatic infection", "asymptomatic infections")} reclassified as confirmed");
                    Found(text, found.Confirmed);
                    var counties = c.ByUnit.Where(u => CityNoticeTextZh.IsListedCounty(u.Code)).Select(u => new UnitCount(u.Code, u.Name, u.Count));
                    List(text, "; in the counties: ", counties);
                }
                else
                {
                    text.Append(", of which ").AppendJoin(", ", BulletinOrder.ByCount(c.ByUnit, u => u.Count, u => u.Code).Select(u => u.Converted > 0
                        ? string.Create(En, $"{u.Name} {u.Count} (including {Count(u.Converted, "asymptomatic infection", "asymptomatic infections")} reclassified as confirmed)")
                        : string.Create(En, $"{u.Name} {u.Count}")));
                }
            }

            text.Append(". ");
            var sentence = a.Total == 0 ? "No new local asymptomatic infections" : Count(a.Total, "new local asymptomatic infection", "new local asymptomatic infections");
            text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence.AsSpan(1));
            if (a.Total > 0 && city)
            {
                Found(text, found.Asymptomatic);
                List(text, "; in the counties: ", a.ByUnit.Where(u => CityNoticeTextZh.IsListedCounty(u.Code)));
            }
            else if (a.Total > 0)
            {
                List(text, ": ", a.ByUnit);
            }

            text.Append(". ").Append(Handling);
        }

        if (bulletin.Imported is { } imported && imported.Confirmed + imported.Asymptomatic > 0)
        {
            text.Append(En, $"Imported from abroad: {Count(imported.Confirmed, "confirmed case", "confirmed cases")} and {Count(imported.Asymptomatic, "asymptomatic infection", "asymptomatic infections")}. ");
        }

        Units(text, "confirmed case cured and discharged", "confirmed cases cured and discharged", bulletin.Discharged);
        Units(text, "asymptomatic infection released from medical observation", "asymptomatic infections released from medical observation", bulletin.ReleasedFromObservation);
        if (bulletin.Standing is { } s)
        {
            Units(text, "death", "deaths", s.Deaths);
            text.Append(En, $"As of 24:00 on {day}, {Count(s.RecoveredToDate.Total, "case", "cases")} of this outbreak had been discharged or released from medical observation");
            if (s.RecoveredToDate.ByUnit.Count > 1)
            {
                List(text, " (", s.RecoveredToDate.ByUnit);
                text.Append(')');
            }

            text.Append(En, $", and {s.InHospital:N0} were in hospital. ");
            if (s.LeftExceedsAdmittedDays > 0)
            {
                text.Append(s.LeftExceedsAdmittedDays == 1 ? "On the day" : string.Create(En, $"For {s.LeftExceedsAdmittedDays} days in a row"))
                    .Append(En, $" more people left hospital than were admitted ({s.LeftToday:N0} discharged or released, {s.AdmittedToday:N0} admitted). ");
            }
        }

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

    private static void Found(StringBuilder text, Detection d)
    {
        if (d.UnderControl + d.SocialLevel > 0)
        {
            text.Append(En, $"; {d.UnderControl:N0} found by screening under control, {d.SocialLevel:N0} found by screening at social level");
        }
    }

    private static void List(StringBuilder text, string lead, IEnumerable<UnitCount> units)
    {
        var ordered = BulletinOrder.ByCount(units, u => u.Count, u => u.Code);
        if (ordered.Count > 0)
        {
            text.Append(lead).AppendJoin(", ", ordered.Select(u => string.Create(En, $"{u.Name} {u.Count:N0}")));
        }
    }

    private static void Units(StringBuilder text, string one, string many, UnitFigures figures)
    {
        var sentence = figures.Total == 0 ? "No " + many : Count(figures.Total, one, many);
        text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence.AsSpan(1));
        List(text, ": ", figures.ByUnit);
        text.Append(". ");
    }
}
