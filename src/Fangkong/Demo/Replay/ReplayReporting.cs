using System.Globalization;
using Fangkong.Cases;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo.Replay;

/// <summary>
/// The evening of a replayed day: each positive person of the day's round reported as a case with
/// the type the plan dealt it (ReportPositive, whose event classifies it as found under control or
/// at social level), the day's conversions as confirmed records naming the asymptomatic ones
/// (ImportCases, as a hospital's line list), and the close contacts of each new case: the other
/// members of its household, or the next neighbour in its community when it lived alone (ImportContacts).
/// </summary>
public static class ReplayReporting
{
    public sealed record Outcome(int Confirmed, int Asymptomatic, int Conversions, int CloseContacts);

    internal static async Task<Outcome> RunAsync(
        FangkongDbContext db, SimulationClock clock, ReplayCity city, DayPlan plan, long roundId, IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken ct,
        bool contactsToday = true)
    {
        var day = plan.Target.Day;
        clock.MoveTo(day, 20);
        var pending = await db.PositivePersons.AsNoTracking().Where(p => p.RoundId == roundId && p.CaseNo == null)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.PersonId }).ToListAsync(ct);
        if (pending.Count != plan.Positives.Count || pending.Any(p => !plan.Positives.ContainsKey(p.PersonId)))
        {
            throw new InvalidOperationException($"The round of {day:yyyy-MM-dd} found {pending.Count} positive people; the plan infected {plan.Positives.Count}.");
        }

        var reported = new List<(string CaseNo, ReplayCity.Resident Person)>();
        var byId = city.Residents.Where(r => plan.Positives.ContainsKey(r.Id)).ToDictionary(r => r.Id);
        foreach (var positive in pending)
        {
            var (type, severity) = plan.Positives[positive.PersonId];
            var command = new ReportPositive.Command(
                positive.Id, type == CaseType.Confirmed ? "confirmed" : "asymptomatic", severity?.ToString().ToLowerInvariant() ?? string.Empty, null, day);
            var view = await ReportPositive.HandleAsync(db, clock, command, ct);
            reported.Add(((view.Value ?? throw new InvalidOperationException(view.Error!.Message)).CaseNo, byId[positive.PersonId]));
            db.ChangeTracker.Clear();
            progress?.Report(("病例 cases", reported.Count, pending.Count + 1));
        }

        await ConvertAsync(db, clock, plan, ct);
        var contacts = contactsToday ? await ContactsAsync(db, city, day, reported, ct) : 0;
        progress?.Report(("病例 cases", pending.Count + 1, pending.Count + 1));
        var confirmed = plan.Positives.Values.Count(p => p.Type == CaseType.Confirmed);
        return new Outcome(confirmed + plan.Conversions.Count, plan.Positives.Count - confirmed, plan.Conversions.Count, contacts);
    }

    private static async Task ConvertAsync(FangkongDbContext db, SimulationClock clock, DayPlan plan, CancellationToken ct)
    {
        if (plan.Conversions.Count == 0)
        {
            return;
        }

        var day = Fmt(plan.Target.Day);
        var rows = plan.Conversions.Select((c, i) => new ImportCases.Row(
            i + 2, string.Create(CultureInfo.InvariantCulture, $"{c.CaseNo[..Math.Min(6, c.CaseNo.Length)]}-{plan.Target.Day:yyyyMMdd}-Z{i + 1}"),
            c.Person.Name, c.Person.IdNumber, c.Person.RegionCode, "confirmed", "mild", day, c.CaseNo, string.Empty, string.Empty, nameof(CaseSource.Hospital))).ToList();
        var imported = await ImportCases.HandleAsync(db, clock, rows, ct);
        if (!imported.IsSuccess)
        {
            throw new InvalidOperationException(imported.Error!.Message);
        }

        db.ChangeTracker.Clear();
    }

    /// <summary>Records the close contacts of <paramref name="cases"/>, identified on <paramref name="day"/> (exposure the day before).</summary>
    internal static async Task<int> ContactsAsync(FangkongDbContext db, ReplayCity city, DateOnly day, List<(string CaseNo, ReplayCity.Resident Person)> cases, CancellationToken ct)
    {
        var taken = new HashSet<long>(city.Contacts);
        taken.UnionWith(city.Cases);
        taken.UnionWith(cases.Select(c => c.Person.Id));
        var rows = new List<ImportContacts.Row>();
        foreach (var (caseNo, person) in cases)
        {
            var k = 0;
            foreach (var member in CloseTo(city, person).Where(m => taken.Add(m.Id)))
            {
                k++;
                rows.Add(new ImportContacts.Row(
                    rows.Count + 2, $"MJ-{caseNo}-{k}", "close", caseNo, string.Empty, member.IdNumber, member.Name, member.RegionCode,
                    Fmt(day.AddDays(-1)), Fmt(day), string.Empty));
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var imported = await ImportContacts.HandleAsync(db, rows, ct);
        if (!imported.IsSuccess)
        {
            throw new InvalidOperationException(imported.Error!.Message);
        }

        db.ChangeTracker.Clear();
        return rows.Count;
    }

    /// <summary>
    /// The household (residents are in household order), or, for a case that lived alone, the
    /// household next door in the same community: everyone a case has a close contact when the
    /// register allows it.
    /// </summary>
    private static IEnumerable<ReplayCity.Resident> CloseTo(ReplayCity city, ReplayCity.Resident person)
    {
        var household = Neighbourhood(city, person.Index).Where(r => r.Id != person.Id && r.RegionCode == person.RegionCode && r.HouseholdNo == person.HouseholdNo && r.HouseholdNo != null).ToList();
        if (household.Count > 0)
        {
            return household;
        }

        var next = Neighbourhood(city, person.Index).FirstOrDefault(r => r.Index > person.Index && r.RegionCode == person.RegionCode);
        return next is null ? [] : Neighbourhood(city, next.Index).Where(r => r.RegionCode == next.RegionCode && r.HouseholdNo == next.HouseholdNo && r.HouseholdNo != null);
    }

    private static IEnumerable<ReplayCity.Resident> Neighbourhood(ReplayCity city, int index)
    {
        const int Reach = 8;
        for (var i = Math.Max(0, index - Reach); i <= Math.Min(city.Residents.Count - 1, index + Reach); i++)
        {
            yield return city.Residents[i];
        }
    }

    private static string Fmt(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
