using Fangkong.Cases.Bulletins;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Supervision.Detectors;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>Each detector trips on its problem and not without it, with its threshold on both sides; every finding has an owner.</summary>
public sealed class DetectorTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositivePool_AMemberNotControlledWithinTwoHours_IsAFindingOfTheCommunity(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var people = await DetectorWorld.ResidentsAsync(world);
        var received = world.Time.GetUtcNow();
        var (round, tube) = await DetectorWorld.PositivePoolAsync(world, people, received);
        await DetectorWorld.ControlAsync(world, people.A, round, tube, received.AddMinutes(30));
        world.Time.Advance(TimeSpan.FromHours(3));

        var found = await DetectAsync(world, new PositivePoolControlDetector());

        var finding = found.ShouldHaveSingleItem();
        finding.DedupeKey.ShouldBe($"positive-pool-control:{tube}:{WebTestData.Community}");
        finding.Title.ShouldContain("1 名人员");
        finding.Category.ShouldBe(FindingCategory.Tracing);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositivePool_EveryoneControlledInTime_OrTheTwoHoursNotYetPassed_IsNoFinding(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var people = await DetectorWorld.ResidentsAsync(world);
        var received = world.Time.GetUtcNow();
        var (round, tube) = await DetectorWorld.PositivePoolAsync(world, people, received);
        world.Time.Advance(TimeSpan.FromMinutes(119));
        (await DetectAsync(world, new PositivePoolControlDetector())).ShouldBeEmpty();

        await DetectorWorld.ControlAsync(world, people.A, round, tube, received.AddMinutes(20));
        await DetectorWorld.ControlAsync(world, people.B, round, tube, received.AddMinutes(90));
        world.Time.Advance(TimeSpan.FromHours(5));

        (await DetectAsync(world, new PositivePoolControlDetector())).ShouldBeEmpty();
        (await DetectAsync(world, new PositivePoolControlDetector(), ("Hours", "1"))).ShouldHaveSingleItem().Title.ShouldContain("1 名人员未在 1 小时内管控");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoundCoverage_BelowFullAtTheDeadline_IsAFinding_SamplesAfterTheDeadlineDoNotCount(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var people = await DetectorWorld.ResidentsAsync(world);
        var deadline = world.Time.GetUtcNow();
        var (round, _) = await DetectorWorld.PositivePoolAsync(world, (people.A, people.B), deadline.AddHours(-12), deadline);
        // Person B's sample is in the tube; move it after the deadline by sampling A only before it.
        await using (var db = world.Context())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM samples WHERE person_id = {0}", people.B);
        }

        world.Time.Advance(TimeSpan.FromMinutes(1));
        var found = (await DetectAsync(world, new RoundCoverageDetector())).ShouldHaveSingleItem();

        found.DedupeKey.ShouldBe($"round-coverage:{round}:{WebTestData.Community}");
        found.Title.ShouldContain("应检 2 人，已采 1 人");
        (await DetectAsync(world, new RoundCoverageDetector(), ("MinShare", "0.5"))).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoundCoverage_FullCoverage_OrBeforeTheDeadline_IsNoFinding(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var people = await DetectorWorld.ResidentsAsync(world);
        var deadline = world.Time.GetUtcNow().AddHours(1);
        await DetectorWorld.PositivePoolAsync(world, (people.A, people.B), deadline.AddHours(-12), deadline);

        (await DetectAsync(world, new RoundCoverageDetector())).ShouldBeEmpty();
        world.Time.Advance(TimeSpan.FromHours(2));
        (await DetectAsync(world, new RoundCoverageDetector())).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Cluster_InANursingHome_IsAFindingOfTheHome_AHouseholdClusterIsNot(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var day = new DateOnly(2022, 4, 4);
        var a = await DetectorWorld.CaseAsync(world, "C1", day, sequence: 11);
        var b = await DetectorWorld.CaseAsync(world, "C2", day, sequence: 13);
        var c = await DetectorWorld.CaseAsync(world, "C3", day, sequence: 15);
        var d = await DetectorWorld.CaseAsync(world, "C4", day, sequence: 17);
        await DetectorWorld.ClusterAsync(world, [c, d], null, needsSupervision: false);
        (await DetectAsync(world, new ClusterInClosedPlaceDetector())).ShouldBeEmpty();
        var home = await DetectorWorld.ClusterAsync(world, [a, b], world.NursingHome, needsSupervision: true);

        var found = (await DetectAsync(world, new ClusterInClosedPlaceDetector())).ShouldHaveSingleItem();
        (await DetectAsync(world, new ClusterInClosedPlaceDetector(), ("MinCases", "3"))).ShouldBeEmpty();

        found.DedupeKey.ShouldBe($"cluster-closed-place:{home}");
        found.PlaceId.ShouldBe(world.NursingHome);
        var report = await RunAsync(world, new ClusterInClosedPlaceDetector());
        report.Lines.Single().Raised.ShouldBe(1);
        await using var check = world.Context();
        (await check.Findings.SingleAsync()).ResponsibleUnit.ShouldBe("吉源养老院");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Bulletin_UnchangedRecords_IsNoFinding_ACaseAddedToAPublishedDay_IsAFindingOfTheCounty(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var day = new DateOnly(2022, 4, 4);
        await DetectorWorld.CaseAsync(world, "C1", day);
        await using (var centre = world.Context(new Access.Jurisdiction("county", WebTestData.County, false)))
        {
            var published = await PublishBulletin.HandleAsync(centre, world.Time, new PublishBulletin.Command(WebTestData.County, day));
            published.IsSuccess.ShouldBeTrue(published.Error?.Message);
        }

        (await DetectAsync(world, new BulletinMismatchDetector())).ShouldBeEmpty();
        await DetectorWorld.CaseAsync(world, "C2", day, sequence: 13);

        var found = (await DetectAsync(world, new BulletinMismatchDetector())).ShouldHaveSingleItem();

        found.Category.ShouldBe(FindingCategory.Reporting);
        found.Description.ShouldContain("新增确诊：通报 1，记录 2");
        (await RunAsync(world, new BulletinMismatchDetector())).Raised.ShouldBe(1);
        await using var check = world.Context();
        (await check.Findings.SingleAsync()).ResponsibleUnit.ShouldBe("船营区卫生健康局");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Runner_RaisesEachProblemOnce_ByTheDedupeKey(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var people = await DetectorWorld.ResidentsAsync(world);
        await DetectorWorld.PositivePoolAsync(world, people, world.Time.GetUtcNow());
        world.Time.Advance(TimeSpan.FromHours(3));

        var first = await RunAsync(world, new PositivePoolControlDetector());
        var second = await RunAsync(world, new PositivePoolControlDetector());

        first.Raised.ShouldBe(1);
        second.Raised.ShouldBe(0);
        second.Lines.Single().Duplicates.ShouldBe(1);
        await using var check = world.Context();
        var finding = await check.Findings.SingleAsync();
        finding.Source.ShouldBe(FindingSource.Detector);
        finding.DetectorKey.ShouldBe("positive-pool-control");
        finding.ResponsibleUnit.ShouldBe("吉源社区居委会");
        finding.Deadline.ShouldBe(finding.RaisedAt + TimeSpan.FromHours(DetectorSettings.DefaultDeadlineHours));
        (await check.DetectorRuns.SingleAsync()).TotalRaised.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Runner_ADuplicateKeyInsertedBehindItsBack_IsRefusedByTheDatabase(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync();
        await using var db = world.Context();
        var copy = Finding.Raise(new Finding.Draft(
            FindingSource.Detector, WebTestData.Community, "重复", null, FindingCategory.Other, FindingSeverity.Minor, world.CommunityUnit, "吉源社区居委会",
            world.CommunityOfficial, "王社区", world.Time.GetUtcNow().AddDays(1), "test", world.Time.GetUtcNow(), DetectorKey: "k", DedupeKey: "k:1")).Value!;
        var twin = Finding.Raise(new Finding.Draft(
            FindingSource.Detector, WebTestData.Community, "重复", null, FindingCategory.Other, FindingSeverity.Minor, world.CommunityUnit, "吉源社区居委会",
            world.CommunityOfficial, "王社区", world.Time.GetUtcNow().AddDays(1), "test", world.Time.GetUtcNow(), DetectorKey: "k", DedupeKey: "k:1")).Value!;
        db.Findings.Add(copy);
        await db.SaveChangesAsync();
        db.Findings.Add(twin);

        await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        id.ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Runner_FollowsTheSchedule_AndSkipsADisabledDetector(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var detector = new ClusterInClosedPlaceDetector();
        await using (var system = world.Context())
        {
            var settings = (string key) => DetectorSettings.Defaults(key).With("EveryMinutes", "60");
            (await RunDetectors.HandleAsync(system, world.Time, new RunDetectors.Command([detector], settings))).Lines.Single().Ran.ShouldBeTrue();
            world.Time.Advance(TimeSpan.FromMinutes(59));
            (await RunDetectors.HandleAsync(system, world.Time, new RunDetectors.Command([detector], settings))).Lines.Single().Ran.ShouldBeFalse();
            world.Time.Advance(TimeSpan.FromMinutes(1));
            (await RunDetectors.HandleAsync(system, world.Time, new RunDetectors.Command([detector], settings))).Lines.Single().Ran.ShouldBeTrue();
            var off = (string key) => DetectorSettings.Defaults(key).With("Enabled", "false");
            (await RunDetectors.HandleAsync(system, world.Time, new RunDetectors.Command([detector], off, Force: true))).Lines.Single().Ran.ShouldBeFalse();
        }
    }

    private static async Task<IReadOnlyList<DetectedFinding>> DetectAsync(SupervisionWorld world, IFindingDetector detector, params (string Name, string Value)[] settings)
    {
        await using var system = world.Context();
        var s = settings.Aggregate(DetectorSettings.Defaults(detector.Key), (acc, p) => acc.With(p.Name, p.Value));
        return await detector.DetectAsync(system, s, world.Time.GetUtcNow(), CancellationToken.None);
    }

    private static async Task<RunDetectors.Report> RunAsync(SupervisionWorld world, IFindingDetector detector)
    {
        await using var system = world.Context();
        return await RunDetectors.HandleAsync(system, world.Time, new RunDetectors.Command([detector], DetectorSettings.Defaults, Force: true));
    }
}
