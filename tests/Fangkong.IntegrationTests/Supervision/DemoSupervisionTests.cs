using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Regions;
using Fangkong.Supervision.Findings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>The demo's supervision: an unannounced visit of 康乐养老院, one finding verified, one overdue and escalated, a complaint, detector findings; once.</summary>
public sealed class DemoSupervisionTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Demo_InspectsTheNursingHome_VerifiesOne_EscalatesOne_AndDetectsTheCluster_Once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoGround.SeedAsync(database);

        await AddInspectorAsync(database);
        DemoSupervision.Report report;
        await using (var db = database.NewContext())
        {
            report = (await DemoSupervision.SeedAsync(db, TimeProvider.System))!;
        }

        await using (var db = database.NewContext())
        {
            (await DemoSupervision.SeedAsync(db, TimeProvider.System)).ShouldBeNull();
        }

        report.ShouldNotBeNull();
        (report.Findings, report.Verified, report.Escalated).ShouldBe((3, 1, 1));
        report.DetectorFindings.ShouldBeGreaterThanOrEqualTo(1);
        report.BulletinId.ShouldNotBeNull();
        await using var check = database.NewContext();
        var findings = await check.Findings.AsNoTracking().ToListAsync();
        findings.Count.ShouldBe(3 + report.DetectorFindings);
        findings.ShouldAllBe(f => f.ResponsibleOfficialId > 0 && f.ResponsibleOrganisationId > 0);
        var verified = findings.Single(f => f.Status == FindingStatus.Verified);
        verified.VerifiedByInspectionId.ShouldNotBeNull();
        (await check.EvidenceFiles.CountAsync(e => e.FindingId == verified.Id)).ShouldBe(1);
        var escalated = findings.Single(f => f.EscalationLevel == 1);
        escalated.ResponsibleUnit.ShouldBe(DemoCases.NursingHome);
        escalated.EscalatedTo.ShouldBe(escalated.RegionCode[..9]);
        (await check.EscalationNotices.SingleAsync()).FindingId.ShouldBe(escalated.Id);
        findings.ShouldContain(f => f.DetectorKey == ClusterKey && f.ResponsibleUnit == DemoCases.NursingHome);
    }

    private const string ClusterKey = Fangkong.Supervision.Detectors.ClusterInClosedPlaceDetector.DetectorKey;

    private static async Task AddInspectorAsync(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddFangkongData(database.Settings);
        services.AddFangkongIdentity();
        await using var sp = services.BuildServiceProvider();
        await using var scope = sp.CreateAsyncScope();
        var added = await AddUser.HandleAsync(
            scope.ServiceProvider.GetRequiredService<FangkongDbContext>(), scope.ServiceProvider.GetRequiredService<UserManager<FangkongUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), new AddUser.Command(DemoSupervision.Inspector, WebTestData.Password, Roles.Inspector, "2202", "纪检"));
        added.IsSuccess.ShouldBeTrue(added.Error?.Message);
    }
}
