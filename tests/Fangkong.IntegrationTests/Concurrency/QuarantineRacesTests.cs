using System.Net.Http.Json;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Quarantine;
using Fangkong.Quarantine;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// Ten identical requests at once for the writes of quarantine (issue 12, item 5): an allocation
/// (placements), a transfer's dispatch, a check-in. Each answers the success or 409, never 500,
/// and the database holds exactly one effect.
/// </summary>
public sealed class QuarantineRacesTests
{
    /// <summary>
    /// Five rounds, each: three new contacts and a new site (capacity grows, so the host's
    /// background allocation job, ticking every 0.1 s here, runs as well), then ten API runs at
    /// once. A contact was placed twice in 1 of 3 full runs before the open-placement keys
    /// (migration 0140); now the database refuses the second placement and that run answers 409.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Allocation_RunTenTimesAtOnce_PlacesEachPersonOnce(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider, b => b.Configuration["Quarantine:CheckCapacityMinutes"] = "0.002");
        using var dispatcher = await host.ClientAsync("dispatcher");
        for (var round = 0; round < 5; round++)
        {
            await using (var db = host.Database.NewContext())
            {
                await QuarantineWorld.SiteAsync(db, $"吉林宾馆{round}", perFloor: 4);
                var policy = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == PolicyVersions.Eighth);
                var today = Fangkong.Common.ChinaTime.Today(TimeProvider.System);
                for (var i = 0; i < 3; i++)
                {
                    db.Contacts.Add(Contact.Create(new Contact.Report($"W{round}{i}", ContactKind.Close, "JL-1", null, $"X{round}{i}", $"密接{round}{i}", WebTestData.Community, null, today.AddDays(-1), null), policy).Value!);
                }

                await db.SaveChangesAsync();
            }

            var answers = await ParallelRepeat.SendAsync(() => dispatcher.PostAsync("/api/v1/quarantine/allocate", null));

            // Each run answers 200 or 409; all ten may lose to the background job, so no success is required here.
            answers.Where(a => a.Status != System.Net.HttpStatusCode.OK && a.Status != System.Net.HttpStatusCode.Conflict)
                .Select(a => $"round {round}: {(int)a.Status}: {a.Body}").ShouldBeEmpty();
            answers.Where(a => a.Status == System.Net.HttpStatusCode.Conflict).ShouldAllBe(a => a.Body.Contains("\"status\":409"));

            // Whatever still waits (every run lost) is placed by one more run, alone.
            (await dispatcher.PostAsync("/api/v1/quarantine/allocate", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            await using var check = host.Database.NewContext();
            var placed = await check.Placements.Select(p => p.ContactId).ToListAsync();
            placed.Count.ShouldBe(3 * (round + 1), $"round {round}");
            placed.Distinct().Count().ShouldBe(placed.Count, $"round {round}");
            (await check.QuarantineRooms.SumAsync(r => r.Occupants)).ShouldBe(placed.Count, $"round {round}");
        }
    }

    /// <summary>
    /// The race made certain: between the run's read of who waits and its write, another writer
    /// places one of the waiting contacts (in a room the run did not pick). The run is refused with
    /// 409's error, nothing of it is stored, and the contact has one placement.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Allocation_ContactPlacedByAnotherWriterMeanwhile_IsRefusedAsConflict(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        QuarantineSite site;
        Contact contact;
        await using (var db = host.Database.NewContext())
        {
            site = await QuarantineWorld.SiteAsync(db, "吉林宾馆", perFloor: 4);
            contact = await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community, identifiedOn: Fangkong.Common.ChinaTime.Today(TimeProvider.System));
        }

        // Added before the product's own interceptors, so that it runs before SQLite's BEGIN IMMEDIATE takes the write lock.
        var options = new DbContextOptionsBuilder<FangkongDbContext>();
        options.AddInterceptors(new PlaceBeforeTransaction(host.Database, site.Id, contact.Id));
        DataServiceCollectionExtensions.Configure(options, host.Database.Settings);
        await using var run = new FangkongDbContext(options.Options, new Fangkong.Access.FixedJurisdiction(Fangkong.Access.Jurisdiction.System), TimeProvider.System);

        var result = await Fangkong.Quarantine.Allocation.RunAllocation.HandleAsync(run, TimeProvider.System);

        result.IsSuccess.ShouldBeFalse();
        result.Error!.Kind.ShouldBe(Fangkong.Common.ErrorKind.Conflict);
        result.Error.Message.ShouldContain("另一次分配");
        await using var check = host.Database.NewContext();
        (await check.Placements.CountAsync(p => p.ContactId == contact.Id)).ShouldBe(1);
        (await check.QuarantineRooms.SumAsync(r => r.Occupants)).ShouldBe(1);
        (await check.AllocationRuns.CountAsync()).ShouldBe(0);
    }

    /// <summary>Places the contact in the site's last room just before the run's transaction begins (after its read).</summary>
    private sealed class PlaceBeforeTransaction(TestDatabase database, long siteId, long contactId) : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        private bool _done;

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.TransactionStartingEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (!_done)
            {
                _done = true;
                await using var other = database.NewContext();
                var site = await other.QuarantineSites.SingleAsync(s => s.Id == siteId, cancellationToken);
                var room = await other.QuarantineRooms.Where(r => r.SiteId == siteId).OrderByDescending(r => r.Number).FirstAsync(cancellationToken);
                var found = await other.Contacts.SingleAsync(c => c.Id == contactId, cancellationToken);
                var subject = new PlacementSubject(OccupantKind.CloseContact, null, found.Id, null, found.Name, found.RegionCode, null, T0);
                other.Placements.Add(Placement.Place(subject, site, room, T0.AddHours(1), "other").Value!);
                await other.SaveChangesAsync(cancellationToken);
            }

            return result;
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dispatch_SentTenTimesAtOnce_MakesOneBatch(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (transfer, vehicles) = await TransferAsync(host.Database, vehicles: 1);
        using var dispatcher = await host.ClientAsync("dispatcher");

        var answers = await ParallelRepeat.SendAsync(() => dispatcher.PostAsJsonAsync(
            "/api/v1/transfers/batches", new { vehicleId = vehicles[0], transferIds = new[] { transfer }, at = T0.AddHours(2) }));

        answers.ShouldBeOneSuccessOrConflicts(repeatsMaySucceed: false);
        await using var check = host.Database.NewContext();
        var batch = await check.TransferBatches.SingleAsync();
        (await check.TransferTasks.SingleAsync(t => t.Id == transfer)).BatchId.ShouldBe(batch.Id);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dispatch_OfOneTransferToTwoVehiclesAtOnce_PutsItOnOneVehicle(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var (transfer, vehicles) = await TransferAsync(host.Database, vehicles: 2);
        using var first = await host.ClientAsync("dispatcher");
        using var second = await host.ClientAsync("dispatcher");
        var turn = 0;

        var answers = await ParallelRepeat.SendAsync(() =>
        {
            var mine = Interlocked.Increment(ref turn) % 2;
            return (mine == 0 ? first : second).PostAsJsonAsync(
                "/api/v1/transfers/batches", new { vehicleId = vehicles[mine], transferIds = new[] { transfer }, at = T0.AddHours(2) });
        });

        answers.ShouldBeOneSuccessOrConflicts(repeatsMaySucceed: false);
        await using var check = host.Database.NewContext();
        var batch = await check.TransferBatches.SingleAsync();
        (await check.TransferTasks.SingleAsync(t => t.Id == transfer)).BatchId.ShouldBe(batch.Id);
        // The other vehicle is free again: its trip was never started.
        (await check.Vehicles.CountAsync(v => v.Id != batch.VehicleId && v.State == Fangkong.Quarantine.Transfers.VehicleState.Available)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckIn_SentTenTimesAtOnce_IsStoredOnce(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        long transfer, placementId;
        await using (var db = host.Database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
            placementId = placement.Id;
            transfer = (await ArrivedAsync(db, placement, await VehicleAsync(db, "吉B12345", 4))).Id;
        }

        using var site1 = await host.ClientAsync("site");
        var answers = await ParallelRepeat.SendAsync(() => site1.PostAsJsonAsync("/api/v1/stay/check-in", new { transferId = transfer, at = T0.AddHours(4.5) }));

        answers.ShouldBeOneSuccessOrConflicts();
        await using var check = host.Database.NewContext();
        (await check.Placements.SingleAsync(p => p.Id == placementId)).State.ShouldBe(PlacementState.CheckedIn);
        var days = await check.StayTests.Where(t => t.PlacementId == placementId).Select(t => t.DayNumber).ToListAsync();
        days.ShouldNotBeEmpty();
        days.Distinct().Count().ShouldBe(days.Count);
    }

    private static async Task<WebTestHost> StartAsync(DatabaseProvider provider, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var host = await WebTestHost.StartAsync(provider, configure);
        await AddRegionsAsync(host.Database);
        await AddUsersAsync(host.Database);
        return host;
    }

    /// <summary>A placed contact's open transfer and free vehicles.</summary>
    private static async Task<(long Transfer, long[] Vehicles)> TransferAsync(TestDatabase database, int vehicles)
    {
        await using var db = database.NewContext();
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        (await Fangkong.Quarantine.Transfers.OpenTransfers.HandleAsync(db, TimeProvider.System)).IsSuccess.ShouldBeTrue();
        var transfer = await db.TransferTasks.Select(t => t.Id).SingleAsync();
        var ids = new List<long>();
        for (var i = 0; i < vehicles; i++)
        {
            ids.Add((await VehicleAsync(db, $"吉B1234{i}", 4)).Id);
        }

        return (transfer, [.. ids]);
    }
}
