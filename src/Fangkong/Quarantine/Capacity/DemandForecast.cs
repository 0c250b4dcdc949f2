namespace Fangkong.Quarantine.Capacity;

/// <summary>
/// Demand for rooms and beds over the next days from the current trend, and whether people will
/// wait (人等房间 / 人等床位). Pure arithmetic over counts read elsewhere (<see cref="ForecastCapacity"/>):
/// <list type="bullet">
/// <item>new cases per day: the mean of the last 3 days, times the growth of the last 3 days over
/// the 3 before (the 3rd root of their ratio per day, kept within 0.5–2);</item>
/// <item>new people needing a room: new cases × contacts per case (contacts identified ÷ cases
/// reported over the last 7 days) × the share of those contacts ordered to central quarantine;</item>
/// <item>rooms coming free: rooms awaiting disinfection (back the next day) and placements whose
/// central period ends (back the day after); beds: no discharges are assumed (a stay has no fixed end);</item>
/// <item>new cases go to shelter or designated beds in the share of the last 7 days' severities.</item>
/// </list>
/// </summary>
public static class DemandForecast
{
    public const int Days = 3;

    public sealed record Trend(
        IReadOnlyList<int> CasesLast6Days, int CasesLast7Days, int ContactsLast7Days, int CentralContactsLast7Days, int ShelterCasesLast7Days);

    public sealed record Supply(int FreeRooms, int AwaitingDisinfection, IReadOnlyList<int> RoomsReleasedByDay, int WaitingForRooms, int FreeShelterBeds, int FreeDesignatedBeds, int WaitingForShelterBeds, int WaitingForDesignatedBeds);

    public sealed record Day(int Offset, double NewCases, double RoomDemand, double RoomBalance, double ShelterBedBalance, double DesignatedBedBalance);

    public sealed record Result(
        double CasesPerDay, double Growth, double ContactsPerCase, double CentralShare, IReadOnlyList<Day> Days, bool PeopleWaitForRooms, bool PeopleWaitForBeds, int? FirstShortDay);

    public static Result Compute(Trend trend, Supply supply)
    {
        ArgumentNullException.ThrowIfNull(trend);
        ArgumentNullException.ThrowIfNull(supply);
        var daily = trend.CasesLast6Days;
        var recent = daily.Count >= 3 ? daily.TakeLast(3).Sum() : daily.Sum();
        var before = daily.Count >= 6 ? daily.Take(daily.Count - 3).TakeLast(3).Sum() : 0;
        var growth = recent == 0 ? 1 : before == 0 ? 2 : Math.Clamp(Math.Pow((double)recent / before, 1.0 / 3), 0.5, 2);
        var perDay = recent / 3.0;
        var contactsPerCase = trend.CasesLast7Days == 0 ? 0 : (double)trend.ContactsLast7Days / trend.CasesLast7Days;
        var centralShare = trend.ContactsLast7Days == 0 ? 1 : (double)trend.CentralContactsLast7Days / trend.ContactsLast7Days;
        var shelterShare = trend.CasesLast7Days == 0 ? 1 : (double)trend.ShelterCasesLast7Days / trend.CasesLast7Days;

        var rooms = (double)supply.FreeRooms - supply.WaitingForRooms;
        var shelter = (double)supply.FreeShelterBeds - supply.WaitingForShelterBeds;
        var designated = (double)supply.FreeDesignatedBeds - supply.WaitingForDesignatedBeds;
        var days = new List<Day>();
        int? firstShort = rooms < 0 || shelter < 0 || designated < 0 ? 0 : null;
        for (var d = 1; d <= Days; d++)
        {
            var cases = perDay * Math.Pow(growth, d);
            var roomDemand = cases * contactsPerCase * centralShare;
            // Rooms awaiting disinfection now are back on day 1; rooms released on day d (0 = today) are back on day d + 1.
            var back = (d == 1 ? supply.AwaitingDisinfection : 0) + (d - 1 < supply.RoomsReleasedByDay.Count ? supply.RoomsReleasedByDay[d - 1] : 0);
            rooms += back - roomDemand;
            shelter -= cases * shelterShare;
            designated -= cases * (1 - shelterShare);
            days.Add(new Day(d, Math.Round(cases, 1), Math.Round(roomDemand, 1), Math.Round(rooms, 1), Math.Round(shelter, 1), Math.Round(designated, 1)));
            if (firstShort is null && (rooms < 0 || shelter < 0 || designated < 0))
            {
                firstShort = d;
            }
        }

        return new Result(
            Math.Round(perDay, 2), Math.Round(growth, 3), Math.Round(contactsPerCase, 2), Math.Round(centralShare, 3), days,
            supply.WaitingForRooms > supply.FreeRooms || days.Any(x => x.RoomBalance < 0),
            supply.WaitingForShelterBeds > supply.FreeShelterBeds || supply.WaitingForDesignatedBeds > supply.FreeDesignatedBeds
                || days.Any(x => x.ShelterBedBalance < 0 || x.DesignatedBedBalance < 0),
            firstShort);
    }
}
