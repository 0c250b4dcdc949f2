using Fangkong.Common;
using System.Globalization;
using Fangkong.Cases;
using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// The demo's outbreak week in 船营区, ending on the day of the testing round: the round's
/// positives reported as cases (ReportPositive), a line list of earlier cases in real communities
/// (ImportCases) with one asymptomatic infection converting to confirmed and a few discharged or
/// released, the household members of each case as close contacts and some secondary contacts
/// (ImportContacts, under the plan in force), and a cluster at 康乐养老院 linked through the place
/// (RecordCaseLink, DetectClusters day by day). Fixed choices only, so every run makes the same
/// week; skipped when its first case exists.
/// </summary>
public static class DemoCases
{
    /// <summary>The first case of the line list: its presence means the week is seeded.</summary>
    public const string Marker = "CYDEMO-01";

    /// <summary>Days before the round that the week starts.</summary>
    public const int Days = 7;

    public const string NursingHome = "船营区康乐养老院";

    public sealed record Report(
        DateOnly FirstDay, DateOnly LastDay, int FromTesting, int Confirmed, int Asymptomatic, int Conversions, int Discharged, int Released,
        int CloseContacts, int SecondaryContacts, int Clusters);

    private enum Where
    {
        Community,
        NursingHomeResident,
        NursingHomeStaff,
    }

    /// <summary>One line of the week: day (before the round), where, type, and the outcome some days later.</summary>
    private sealed record Plan(int Day, Where Where, CaseType Type, Severity? Severity, int? OutcomeAfter = null, int? Converts = null);

    // Day is counted back from the round's day (0). Converts names the index of the asymptomatic line a confirmed line converts.
    private static readonly Plan[] Week =
    [
        new(-7, Where.Community, CaseType.Confirmed, Severity.Mild, OutcomeAfter: 6),
        new(-7, Where.Community, CaseType.Confirmed, Severity.Moderate),
        new(-7, Where.Community, CaseType.Asymptomatic, null),
        new(-6, Where.NursingHomeStaff, CaseType.Confirmed, Severity.Mild),
        new(-6, Where.Community, CaseType.Asymptomatic, null, OutcomeAfter: 6),
        new(-6, Where.Community, CaseType.Confirmed, Severity.Mild, OutcomeAfter: 6),
        new(-5, Where.NursingHomeResident, CaseType.Confirmed, Severity.Moderate),
        new(-5, Where.NursingHomeResident, CaseType.Asymptomatic, null),
        new(-5, Where.Community, CaseType.Confirmed, Severity.Mild),
        new(-4, Where.Community, CaseType.Confirmed, Severity.Mild, Converts: 2),
        new(-4, Where.NursingHomeResident, CaseType.Confirmed, Severity.Severe),
        new(-4, Where.Community, CaseType.Asymptomatic, null),
        new(-3, Where.NursingHomeStaff, CaseType.Asymptomatic, null),
        new(-3, Where.Community, CaseType.Confirmed, Severity.Mild),
        new(-3, Where.Community, CaseType.Confirmed, Severity.Moderate),
        new(-2, Where.Community, CaseType.Confirmed, Severity.Mild),
        new(-2, Where.Community, CaseType.Asymptomatic, null),
        new(-2, Where.Community, CaseType.Asymptomatic, null),
        new(-1, Where.Community, CaseType.Confirmed, Severity.Moderate),
        new(-1, Where.Community, CaseType.Asymptomatic, null),
        new(0, Where.Community, CaseType.Confirmed, Severity.Mild),
        new(0, Where.Community, CaseType.Asymptomatic, null),
    ];

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Cases.AnyAsync(c => c.CaseNo == Marker, ct))
        {
            return null;
        }

        var round = await db.TestingRounds.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.StartsAt }).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(round.StartsAt.ToOffset(ChinaTime.Offset).DateTime);
        var people = await DemoCasePeople.LoadAsync(db, ct);
        if (people is null)
        {
            return null;
        }

        await people.PrepareAsync(db, 10, ct);

        // The round's positives first, so their cases carry the source testing gave them.
        var fromTesting = new List<(string CaseNo, DemoCasePeople.Resident Person, DateOnly On)>();
        var pending = await db.PositivePersons.AsNoTracking().Where(p => p.CaseNo == null).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(ct);
        for (var i = 0; i < pending.Count; i++)
        {
            var (type, severity) = (i % 3) switch
            {
                0 => ("confirmed", "mild"),
                1 => ("asymptomatic", string.Empty),
                _ => ("confirmed", "moderate"),
            };
            var reported = await ReportPositive.HandleAsync(db, time, new ReportPositive.Command(pending[i], type, severity, null, today), ct);
            var view = reported.Value ?? throw new InvalidOperationException(reported.Error!.Message);
            if (await people.ResidentAsync(db, view.IdNumber, ct) is { } person)
            {
                fromTesting.Add((view.CaseNo, person, today));
            }
        }

        var rows = new List<ImportCases.Row>();
        var lines = new List<(string CaseNo, DemoCasePeople.Resident Person, DateOnly On, Plan Plan)>();
        for (var i = 0; i < Week.Length; i++)
        {
            var plan = Week[i];
            var caseNo = string.Create(CultureInfo.InvariantCulture, $"CYDEMO-{i + 1:D2}");
            var person = plan.Converts is { } from ? lines[from].Person : people.Next(plan.Where switch
            {
                Where.NursingHomeResident => DemoCasePeople.Pick.Eldest,
                Where.NursingHomeStaff => DemoCasePeople.Pick.Staff,
                _ => DemoCasePeople.Pick.Community,
            });
            var on = today.AddDays(plan.Day);
            var outcome = plan.OutcomeAfter is { } after ? (plan.Type == CaseType.Confirmed ? "discharged" : "released", Fmt(on.AddDays(after))) : (string.Empty, string.Empty);
            rows.Add(new ImportCases.Row(
                i + 2, caseNo, person.Name, person.IdNumber, person.RegionCode, plan.Type == CaseType.Confirmed ? "confirmed" : "asymptomatic",
                plan.Severity?.ToString().ToLowerInvariant() ?? string.Empty, Fmt(on), plan.Converts is { } c ? lines[c].CaseNo : string.Empty,
                outcome.Item1, outcome.Item2, plan.Type == CaseType.Confirmed ? nameof(CaseSource.Hospital) : nameof(CaseSource.LineList)));
            lines.Add((caseNo, person, on, plan));
        }

        var imported = await ImportCases.HandleAsync(db, time, rows, ct);
        if (!imported.IsSuccess)
        {
            throw new InvalidOperationException(imported.Error!.Message);
        }

        // Contacts: each case's household (not again for a conversion), and for the first cases a neighbouring household as secondary contacts.
        var contactRows = new List<ImportContacts.Row>();
        var sources = fromTesting.Concat(lines.Where(l => l.Plan.Converts is null).Select(l => (l.CaseNo, l.Person, l.On))).ToList();
        foreach (var (caseNo, person, on) in sources)
        {
            var household = await people.HouseholdAsync(db, person, ct);
            var k = 0;
            foreach (var member in household)
            {
                k++;
                var contactNo = $"MJ-{caseNo}-{k}";
                contactRows.Add(Row(contactRows.Count + 2, contactNo, "close", caseNo, string.Empty, member, on.AddDays(-1), on, Released(on, today)));
                if (k == 1 && contactRows.Count(r => r.Kind == "secondary") < 12)
                {
                    var j = 0;
                    foreach (var neighbour in await people.NeighboursAsync(db, member, 2, ct))
                    {
                        j++;
                        contactRows.Add(Row(
                            contactRows.Count + 2, $"CMJ-{caseNo}-{j}", "secondary", string.Empty, contactNo, neighbour, on.AddDays(-1), on, Released(on, today)));
                    }
                }
            }
        }

        if (contactRows.Count > 0)
        {
            var contacts = await ImportContacts.HandleAsync(db, contactRows, ct);
            if (!contacts.IsSuccess)
            {
                throw new InvalidOperationException(contacts.Error!.Message);
            }
        }

        // The nursing home: its staff and residents among the cases were there the day before their report.
        var home = await db.Places.AsNoTracking().Where(p => p.Name == NursingHome && p.Kind == PlaceKind.NursingHome).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        if (home is { } placeId)
        {
            foreach (var line in lines.Where(l => l.Plan.Where != Where.Community))
            {
                var source = line.Plan.Where == Where.NursingHomeStaff ? nameof(LinkSource.Workplace) : nameof(LinkSource.Investigation);
                var linked = await RecordCaseLink.HandleAsync(db, new RecordCaseLink.Command(line.CaseNo, placeId, null, line.On.AddDays(-1), source), ct);
                if (!linked.IsSuccess)
                {
                    throw new InvalidOperationException(linked.Error!.Message);
                }
            }
        }

        for (var day = today.AddDays(-Days); day <= today; day = day.AddDays(1))
        {
            var detected = await DetectClusters.HandleAsync(db, new DetectClusters.Command(day, ClusterSettings.Default), ct);
            if (!detected.IsSuccess)
            {
                throw new InvalidOperationException(detected.Error!.Message);
            }
        }

        var testingConfirmed = Enumerable.Range(0, pending.Count).Count(i => i % 3 != 1);
        return new Report(
            today.AddDays(-Days),
            today,
            pending.Count,
            Week.Count(p => p.Type == CaseType.Confirmed) + testingConfirmed,
            Week.Count(p => p.Type == CaseType.Asymptomatic) + pending.Count - testingConfirmed,
            Week.Count(p => p.Converts is not null),
            Week.Count(p => p.OutcomeAfter is not null && p.Type == CaseType.Confirmed),
            Week.Count(p => p.OutcomeAfter is not null && p.Type == CaseType.Asymptomatic),
            contactRows.Count(r => r.Kind == "close"),
            contactRows.Count(r => r.Kind == "secondary"),
            await db.Clusters.CountAsync(c => c.Status == ClusterStatus.Active, ct));
    }

    private static string Fmt(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Released after seven days of central quarantine, when that day has come by the round's day.</summary>
    private static string Released(DateOnly identified, DateOnly today) => identified.AddDays(7) <= today ? Fmt(identified.AddDays(7)) : string.Empty;

    private static ImportContacts.Row Row(
        long line, string contactNo, string kind, string sourceCase, string sourceContact, DemoCasePeople.Resident person, DateOnly exposure, DateOnly identified, string released) =>
        new(line, contactNo, kind, sourceCase, sourceContact, person.IdNumber, person.Name, person.RegionCode, Fmt(exposure), Fmt(identified), released);
}
