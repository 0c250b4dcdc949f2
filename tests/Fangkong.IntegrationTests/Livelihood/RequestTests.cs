using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Supervision;
using Fangkong.Livelihood;
using Fangkong.Livelihood.Medical;
using Fangkong.Livelihood.Requests;
using Fangkong.Residences;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Livelihood;

/// <summary>Residents' requests: placement, the hotline's idempotency, every refused step, the overdue sweep, medical trips.</summary>
public sealed class RequestTests
{
    private static readonly LivelihoodOptions Options = new();

    private static RequestDraft Ticket(string ticket, string address = "吉源小区 3 栋 2 单元 501", string kind = "购药", string? urgency = null) =>
        new(kind, urgency, "张三丰", "13900001111", address, "家中老人降压药断供", District: WebTestData.County, TicketNo: ticket);

    private static async Task<long> CompoundAsync(SupervisionWorld world)
    {
        await using var db = world.Context();
        var compound = new Compound(WebTestData.Community, "吉源小区");
        db.Compounds.Add(compound);
        await db.SaveChangesAsync();
        return compound.Id;
    }

    private static async Task<ReceiveRequest.Received> ReceiveAsync(SupervisionWorld world, RequestDraft draft)
    {
        await using var db = world.Context();
        var received = await ReceiveRequest.HandleAsync(db, world.Time, Options, RequestSource.Hotline, draft);
        received.IsSuccess.ShouldBeTrue(received.Error?.Message);
        return received.Value!;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Hotline_IsPlacedByItsCompound_OrQueuedInItsDistrict_AndDueTheSameDay(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var compound = await CompoundAsync(world);

        var placed = await ReceiveAsync(world, Ticket("12345-A1"));
        var queued = await ReceiveAsync(world, Ticket("12345-A2", address: "某路某号"));

        placed.RegionCode.ShouldBe(WebTestData.Community);
        placed.Placed.ShouldBeTrue();
        queued.RegionCode.ShouldBe(WebTestData.County);
        queued.Placed.ShouldBeFalse();
        // Received 09:00 China time: due at midnight (事不过夜).
        placed.DueAt.ShouldBe(new DateTimeOffset(2022, 4, 5, 16, 0, 0, TimeSpan.Zero));
        await using var db = world.Context();
        (await db.ResidentRequests().SingleAsync(r => r.Id == placed.Id)).CompoundId.ShouldBe(compound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dashboard_CountsOpenRequests_ByKindCommunityAndQueue_AndTodaysReceipts(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await CompoundAsync(world);
        await ReceiveAsync(world, Ticket("12345-D1"));
        await ReceiveAsync(world, Ticket("12345-D2"));
        await ReceiveAsync(world, Ticket("12345-D3", address: "某路某号"));

        await using var db = world.Context();
        var board = await RequestsDashboard.HandleAsync(db, world.Time);

        board.Open.ShouldBe(3);
        board.Queue.ShouldBe(1, "the one whose address names no compound or community waits in the district's queue");
        board.ByCommunity.Select(c => (c.Key, c.Open)).ShouldBe([(WebTestData.Community, 2), (WebTestData.County, 1)], "most open first");
        board.ByKind.Single().Open.ShouldBe(3);
        board.Today.Received.ShouldBe(3);
        board.Today.ResolvedInTime.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Hotline_TheSameTicketTwice_AnswersAsTheFirst_AndTenInParallelStoreOne(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);

        var first = await ReceiveAsync(world, Ticket("12345-B1"));
        var again = await ReceiveAsync(world, Ticket("12345-B1") with { Description = "又打了一次" });
        var parallel = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => ReceiveAsync(world, Ticket("12345-B2")))));

        again.ShouldBe(first);
        parallel.Select(p => p.Id).Distinct().Count().ShouldBe(1);
        await using var db = world.Context();
        (await db.ResidentRequests().CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Receive_BadInput_IsRefusedNamingTheField(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await using var db = world.Context();

        async Task<string?> FieldOf(RequestDraft d) => (await ReceiveRequest.HandleAsync(db, world.Time, Options, RequestSource.Hotline, d)).Error?.Field;

        (await FieldOf(Ticket("T1", kind: "7"))).ShouldBe("kind");
        (await FieldOf(Ticket("T1") with { Phone = "123" })).ShouldBe("phone");
        (await FieldOf(Ticket("T1") with { TicketNo = null })).ShouldBe("ticketNo");
        (await FieldOf(Ticket("T1") with { District = "9999" })).ShouldBe("district");
        (await FieldOf(Ticket("T1") with { ReceivedAt = world.Time.GetUtcNow().AddHours(1) })).ShouldBe("receivedAt");
        (await db.ResidentRequests().CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Steps_OutOfOrder_WithoutOwner_OrBySomeoneElse_AreRefused(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await CompoundAsync(world);
        var id = (await ReceiveAsync(world, Ticket("12345-C1"))).Id;
        await using var db = world.Context(SupervisionWorld.CommunityWorker);

        (await RequestTransitions.ResolveAsync(db, world.Time, id, "已送药")).Error!.Text.Code.ShouldBe("error.livelihood.request-resolve-without-owner");
        (await RequestTransitions.StartAsync(db, world.Time, id)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await RequestTransitions.AssignAsync(db, world.Time, id, " ")).Error!.Field.ShouldBe("assignee");
        (await RequestTransitions.AssignAsync(db, world.Time, id, "李网格员")).IsSuccess.ShouldBeTrue();
        (await RequestTransitions.ResolveAsync(db, world.Time, id, "已送药")).Error!.Text.Code.ShouldBe("error.livelihood.request-resolve-in-progress-only");
        (await RequestTransitions.StartAsync(db, world.Time, id)).IsSuccess.ShouldBeTrue();
        (await RequestTransitions.ReturnAsync(db, world.Time, id, "不属实")).Error!.Kind.ShouldBe(ErrorKind.Conflict);

        // The public page makes a context per post: a fresh one per confirmation.
        async Task<Result<ConfirmRequest.Confirmed>> ConfirmAsync(long request, string phone)
        {
            await using var resident = world.Context(PublicRequest.Resident);
            return await ConfirmRequest.HandleAsync(resident, world.Time, new ConfirmRequest.Command(request, phone));
        }

        (await ConfirmAsync(id, "13900001111")).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await RequestTransitions.ResolveAsync(db, world.Time, id, "已送药上门")).IsSuccess.ShouldBeTrue();
        (await ConfirmAsync(id, "13700002222")).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ConfirmAsync(id + 1000, "13900001111")).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await ConfirmAsync(id, "13900001111")).Value!.State.ShouldBe(RequestState.Confirmed);

        await using var other = world.Context(SupervisionWorld.OtherCountyWorker);
        (await GetRequest.HandleAsync(other, world.Time, id)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Assign_InTheDistrictQueue_IsRefusedUntilPlaced_AndListsMaskForRolesWithoutDetails(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = (await ReceiveAsync(world, Ticket("12345-D1", address: "某路某号"))).Id;
        await using var county = world.Context(SupervisionWorld.CountyInspector with { SeesResidentDetails = false });

        (await RequestTransitions.AssignAsync(county, world.Time, id, "李网格员")).Error!.Text.Code.ShouldBe("error.livelihood.request-not-placed");
        (await RequestTransitions.PlaceAsync(county, world.Time, id, WebTestData.OtherCountyCommunity, null)).Error!.Field.ShouldBe("regionCode");
        (await RequestTransitions.PlaceAsync(county, world.Time, id, WebTestData.Community, null)).Value!.Placed.ShouldBeTrue();
        var row = (await ListRequests.HandleAsync(county, world.Time, new ListRequests.Query())).Value!.Items.Single();
        row.Name.ShouldBe("张**");
        row.Phone.ShouldBe("139****1111");
        row.Address.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Sweep_EscalatesAnOverdueRequestOneLevelPerPeriod_AndLeavesOnesInTime(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await CompoundAsync(world);
        var late = (await ReceiveAsync(world, Ticket("12345-E1"))).Id;
        world.Time.Advance(TimeSpan.FromHours(16));
        var fresh = (await ReceiveAsync(world, Ticket("12345-E2"))).Id;

        await using (var db = world.Context())
        {
            (await EscalateOverdueRequests.HandleAsync(db, world.Time, Options)).ShouldBe(new EscalateOverdueRequests.Swept(1, 1));
            (await EscalateOverdueRequests.HandleAsync(db, world.Time, Options)).Escalated.ShouldBe(0);
        }

        world.Time.Advance(TimeSpan.FromHours(12));
        await using var check = world.Context();
        (await EscalateOverdueRequests.HandleAsync(check, world.Time, Options)).Escalated.ShouldBe(1);
        var escalated = await check.ResidentRequests().AsNoTracking().SingleAsync(r => r.Id == late);
        escalated.EscalationLevel.ShouldBe(2);
        escalated.EscalatedTo.ShouldBe(WebTestData.County);
        (await check.ResidentRequests().AsNoTracking().SingleAsync(r => r.Id == fresh)).EscalationLevel.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MedicalTrip_AnEmergencyIsNeverHeldForATest_AndStepsGoInOrder(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await CompoundAsync(world);
        var emergency = (await ReceiveAsync(world, Ticket("12345-F1", kind: "就医", urgency: "紧急"))).Id;
        var dialysis = (await ReceiveAsync(world, Ticket("12345-F2", kind: "就医"))).Id;
        var medicine = (await ReceiveAsync(world, Ticket("12345-F3"))).Id;
        await using var db = world.Context(SupervisionWorld.CommunityWorker);

        (await OpenMedicalTrip.HandleAsync(db, world.Time, new(emergency, MedicalNeed.Emergency, "吉林市中心医院", HeldForTest: true))).Error!.Field.ShouldBe("heldForTest");
        (await OpenMedicalTrip.HandleAsync(db, world.Time, new(medicine, MedicalNeed.Other, "吉林市中心医院"))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        var trip = (await OpenMedicalTrip.HandleAsync(db, world.Time, new(emergency, MedicalNeed.Emergency, "吉林市中心医院"))).Value!;
        (await RecordMedicalStep.HandleAsync(db, world.Time, trip.Id, new(RecordMedicalStep.Step.Hold))).Error!.Field.ShouldBe("heldForTest");
        (await RecordMedicalStep.HandleAsync(db, world.Time, trip.Id, new(RecordMedicalStep.Step.Admit))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await RecordMedicalStep.HandleAsync(db, world.Time, trip.Id, new(RecordMedicalStep.Step.Dispatch, "吉B·12345"))).Value!.DispatchedAt.ShouldNotBeNull();

        var held = (await OpenMedicalTrip.HandleAsync(db, world.Time, new(dialysis, MedicalNeed.Dialysis, "吉林市人民医院", HeldForTest: true))).Value!;
        (await RecordMedicalStep.HandleAsync(db, world.Time, held.Id, new(RecordMedicalStep.Step.Dispatch, "吉B·23456"))).Error!.Text.Code.ShouldBe("error.livelihood.medical-held-for-test");
        (await RecordMedicalStep.HandleAsync(db, world.Time, held.Id, new(RecordMedicalStep.Step.Release))).IsSuccess.ShouldBeTrue();
        (await RecordMedicalStep.HandleAsync(db, world.Time, held.Id, new(RecordMedicalStep.Step.Dispatch, "吉B·23456"))).IsSuccess.ShouldBeTrue();
    }
}
