using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Supervision;
using Fangkong.Livelihood;
using Fangkong.Livelihood.Medical;
using Fangkong.Livelihood.Requests;
using Fangkong.Supervision.Detectors;

namespace Fangkong.IntegrationTests.Livelihood;

/// <summary>The two detectors of residents' requests, on both sides of their thresholds.</summary>
public sealed class RequestDetectorTests
{
    private static async Task<long> ReceiveAsync(SupervisionWorld world, string ticket, string kind = "购药", string? urgency = null)
    {
        await using var db = world.Context();
        var received = await ReceiveRequest.HandleAsync(db, world.Time, new LivelihoodOptions(), RequestSource.Hotline, new RequestDraft(
            kind, urgency, "张三丰", "13900001111", "吉源社区 3 栋", "需要帮助", District: WebTestData.County, TicketNo: ticket));
        received.IsSuccess.ShouldBeTrue(received.Error?.Message);
        return received.Value!.Id;
    }

    private static async Task<IReadOnlyList<DetectedFinding>> DetectAsync(SupervisionWorld world, IFindingDetector detector)
    {
        await using var db = world.Context();
        return await detector.DetectAsync(db, DetectorSettings.Defaults(detector.Key), world.Time.GetUtcNow(), CancellationToken.None);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OverdueRequests_TripsPastTheGrace_NotBefore_OnTheCommunity(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await ReceiveAsync(world, "12345-1");
        // Due at midnight China time (16:00 UTC); the grace is 2 hours.
        world.Time.SetUtcNow(new DateTimeOffset(2022, 4, 5, 17, 59, 0, TimeSpan.Zero));
        (await DetectAsync(world, new OverdueRequestsDetector())).ShouldBeEmpty();

        world.Time.SetUtcNow(new DateTimeOffset(2022, 4, 5, 18, 1, 0, TimeSpan.Zero));
        var found = await DetectAsync(world, new OverdueRequestsDetector());

        found.Single().RegionCode.ShouldBe(WebTestData.Community);
        found.Single().DedupeKey.ShouldBe($"requests-overdue:{WebTestData.Community}:2022-04-06");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OverdueRequests_ARunRaisesAFindingOnTheCommunitysOfficial(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await ReceiveAsync(world, "12345-2");
        world.Time.SetUtcNow(new DateTimeOffset(2022, 4, 6, 1, 0, 0, TimeSpan.Zero));
        await using var db = world.Context();

        var run = await RunDetectors.HandleAsync(db, world.Time, new RunDetectors.Command([new OverdueRequestsDetector()], DetectorSettings.Defaults, Force: true));

        run.Raised.ShouldBe(1);
        var finding = db.Findings.Single();
        finding.ResponsibleOfficialId.ShouldBe(world.CommunityOfficial);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MedicalNotDispatched_TripsAfterThirtyMinutes_NotAtTwentyNine_NorWhenDispatchedInTime(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var waiting = await ReceiveAsync(world, "12345-3", kind: "就医", urgency: "紧急");
        var quick = await ReceiveAsync(world, "12345-4", kind: "就医", urgency: "紧急");
        await using (var db = world.Context())
        {
            (await OpenMedicalTrip.HandleAsync(db, world.Time, new(waiting, MedicalNeed.Emergency, "吉林市中心医院"))).IsSuccess.ShouldBeTrue();
            var trip = (await OpenMedicalTrip.HandleAsync(db, world.Time, new(quick, MedicalNeed.Emergency, "吉林市中心医院"))).Value!;
            world.Time.Advance(TimeSpan.FromMinutes(10));
            (await RecordMedicalStep.HandleAsync(db, world.Time, trip.Id, new(RecordMedicalStep.Step.Dispatch, "吉B·12345"))).IsSuccess.ShouldBeTrue();
        }

        world.Time.Advance(TimeSpan.FromMinutes(19));
        (await DetectAsync(world, new MedicalNotDispatchedDetector())).ShouldBeEmpty();

        world.Time.Advance(TimeSpan.FromMinutes(2));
        var found = await DetectAsync(world, new MedicalNotDispatchedDetector());

        found.Single().Title.ShouldContain(waiting.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
