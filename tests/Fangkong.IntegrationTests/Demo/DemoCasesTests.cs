using Fangkong.Cases;
using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Places;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Demo;

public sealed class DemoCasesTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoWeek_ReportsCasesContactsAndANursingHomeCluster_AndRunsOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoGround.SeedAsync(database, withCases: false);

        DemoCases.Report report;
        await using (var db = database.NewContext())
        {
            report = (await DemoCases.SeedAsync(db, TimeProvider.System))!;
            report.ShouldNotBeNull();
        }

        int cases, contacts, links;
        await using (var db = database.NewContext())
        {
            (cases, contacts, links) = (await db.Cases.CountAsync(), await db.Contacts.CountAsync(), await db.CaseLinks.CountAsync());
            (await DemoCases.SeedAsync(db, TimeProvider.System)).ShouldBeNull();
        }

        await using var check = database.NewContext();
        (await check.Cases.CountAsync()).ShouldBe(cases);
        (await check.Contacts.CountAsync()).ShouldBe(contacts);
        (await check.CaseLinks.CountAsync()).ShouldBe(links);
        (await check.PositivePersons.CountAsync(p => p.CaseNo == null)).ShouldBe(0);
        report.FromTesting.ShouldBeGreaterThan(0);
        (await check.Cases.CountAsync(c => c.Source == CaseSource.PositiveRetest || c.Source == CaseSource.SingleTube)).ShouldBe(report.FromTesting);
        cases.ShouldBe(report.Confirmed + report.Asymptomatic);

        var conversion = await check.Cases.SingleAsync(c => c.ConvertedFromCaseNo != null);
        var bulletin = (await BuildDailyBulletin.HandleAsync(check, "2202", conversion.ReportedOn)).Value!;
        bulletin.NewConfirmed.Converted.ShouldBe(1);
        for (var day = report.FirstDay; day <= report.LastDay; day = day.AddDays(1))
        {
            var daily = (await BuildDailyBulletin.HandleAsync(check, "2202", day)).Value!;
            (daily.NewConfirmed.Total + daily.NewAsymptomatic.Total).ShouldBeGreaterThan(0);
            daily.ContactsToDate.Close.ShouldBeGreaterThan(0);
        }

        var last = (await BuildDailyBulletin.HandleAsync(check, "2202", report.LastDay)).Value!;
        last.Discharged.Total.ShouldBeGreaterThan(0);
        last.ReleasedFromObservation.Total.ShouldBeGreaterThan(0);
        last.ContactsToDate.Secondary.ShouldBeGreaterThan(0);
        last.ContactsToDate.CloseReleased.ShouldBeGreaterThan(0);
        (await check.Contacts.CountAsync(c => c.Kind == ContactKind.Close)).ShouldBe(report.CloseContacts);

        (await check.Clusters.CountAsync()).ShouldBe(1, "the converted asymptomatic record and its confirmed record are one person, not a household cluster");
        var home = await check.Clusters.Include(c => c.Cases).SingleAsync(c => c.PlaceKind == PlaceKind.NursingHome);
        home.NeedsSupervision.ShouldBeTrue();
        home.Status.ShouldBe(ClusterStatus.Active);
        home.CaseCount.ShouldBe(5);
        (home.LastCaseOn.DayNumber - home.FirstCaseOn.DayNumber).ShouldBeLessThanOrEqualTo(14);
    }
}
