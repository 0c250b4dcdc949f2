using Fangkong.Areas;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Areas;

public sealed class DemoAreasTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoAreas_FollowTheWeeksCases_WithApprovedAndPendingProposals_AndRunOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoGround.SeedAsync(database);

        DemoAreas.Report report;
        await using (var db = database.NewContext())
        {
            report = (await DemoAreas.SeedAsync(db, TimeProvider.System))!;
            report.ShouldNotBeNull();
        }

        report.Approved.ShouldBeGreaterThan(0);
        report.Pending.ShouldBeGreaterThan(0);
        await using var check = database.NewContext();
        (await check.AreaDesignations.CountAsync()).ShouldBe(report.Designations);
        (await check.AreaDesignations.CountAsync(d => (d.Level == AreaLevel.Precaution || d.Level == AreaLevel.LowRisk) && d.RegionCode == DemoSetup.County && d.EndsOn == null)).ShouldBe(1);

        // Every sealed compound holds a resident reported as a case on or before the seal.
        var sealedAreas = await check.AreaDesignations.Where(d => d.Level == AreaLevel.Sealed || d.Level == AreaLevel.HighRisk).ToListAsync();
        sealedAreas.ShouldNotBeEmpty();
        foreach (var d in sealedAreas)
        {
            d.ProposalId.ShouldNotBeNull();
            var infected = await (from c in check.Cases
                                  join p in check.Persons on c.PersonId equals p.Id
                                  where p.CompoundId == d.UnitId && c.ReportedOn <= d.StartsOn
                                  select c.Id).AnyAsync();
            infected.ShouldBeTrue(d.UnitName);
        }

        (await check.AreaProposals.CountAsync(p => p.Status == ProposalStatus.Approved)).ShouldBe(report.Approved);
        (await check.AreaProposals.CountAsync(p => p.Status == ProposalStatus.Pending)).ShouldBe(report.Pending);
        (await DemoAreas.SeedAsync(check, TimeProvider.System)).ShouldBeNull();
    }
}
