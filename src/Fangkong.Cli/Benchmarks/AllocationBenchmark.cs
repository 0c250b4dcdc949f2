using System.Diagnostics;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Persons;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench allocation</c>: one allocation run placing N waiting people (close and secondary
/// contacts of 船营区, some children declared with a carer) into the rooms of S quarantine sites
/// spread over 吉林市 (and a few in 长春市). Timed: the whole <see cref="RunAllocation"/> (read who
/// waits and what is free, assign, bulk write, audit). After each run the placements are checked
/// by <see cref="PlacementChecker"/> over the written data, then removed and the rooms freed, so
/// the runs see the same data; the median is reported.
/// </summary>
internal static class AllocationBenchmark
{
    public sealed record Report(
        string Name, string Provider, int People, int Rooms, int Sites, int Runs, double Seconds, IReadOnlyList<double> RunSeconds,
        int Placed, int Unplaced, int RoomsUsed, int Violations, double MeanDistanceKm, double SetupSeconds, int Processors);

    private static readonly DateTimeOffset Now = new(2022, 3, 20, 10, 0, 0, TimeSpan.FromHours(8));

    // 吉林市 counties (and 长春市 for the few sites outside the people's city), with a centre each.
    private static readonly (string Code, double Lat, double Lon)[] Counties =
    [
        ("220204", 43.84, 126.53), ("220202", 43.88, 126.58), ("220203", 43.90, 126.60), ("220211", 43.75, 126.60),
        ("220221", 43.67, 126.50), ("220281", 43.72, 127.34), ("220282", 42.97, 126.75), ("220283", 44.41, 126.95), ("220284", 42.95, 126.06),
    ];

    public static async Task<Report> RunAsync(DatabaseSettings chosen, int people, int rooms, int sites, int runs, Action<string> log, CancellationToken ct)
    {
        var population = await BenchPopulation.ForAsync(chosen, ct);
        await using var fresh = await BenchDatabase.CreateAsync(chosen, 0, ct);
        await using var services = CliServices.Build(fresh.Settings);
        var time = new FixedTime(Now);
        var setup = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
            var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
            await population.SeedAsync(db, ct);
            log($"loading {people:N0} residents");
            await PersonBulkLoader.LoadAsync(db, new DemoPopulation(DemoSetup.County).Generate(population.Communities, people), null, ct);
            // Compounds scattered over about 20 × 20 km around 船营区 (deterministic, from the id).
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE compounds SET latitude = 43.76 + (id % 97) * 0.0017, longitude = 126.43 + (id % 89) * 0.0025", ct);
            await ContactsAsync(db, people, ct);
            log($"building {sites} sites with {rooms:N0} rooms");
            await SitesAsync(db, rooms, sites, ct);
        }

        setup.Stop();
        var seconds = new List<double>();
        RunAllocation.Outcome? last = null;
        IReadOnlyList<string> violations = [];
        var roomsUsed = 0;
        var meanKm = 0.0;
        for (var run = 1; run <= runs; run++)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
                var clock = Stopwatch.StartNew();
                var result = await RunAllocation.HandleAsync(db, time, ct);
                clock.Stop();
                last = result.IsSuccess ? result.Value! : throw new InvalidOperationException(result.Error!.Message);
                seconds.Add(clock.Elapsed.TotalSeconds);
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
                violations = await PlacementChecker.CheckAsync(db, ct);
                roomsUsed = await db.QuarantineRooms.CountAsync(r => r.State == SpaceState.Occupied, ct);
                meanKm = await db.Placements.Where(p => p.DistanceKm != null).AverageAsync(p => p.DistanceKm!.Value, ct);
                log($"run {run}: {seconds[^1]:F2} s (read {last.Phases.Read:F2}, assign {last.Phases.Assign:F2}, write {last.Phases.Write:F2}), {last.Placed:N0} placed, {last.Unplaced:N0} unplaced, {roomsUsed:N0} rooms used, {violations.Count} violations, mean {meanKm:F2} km");
                foreach (var violation in violations.Take(5))
                {
                    log($"  violation: {violation}");
                }

                if (run < runs)
                {
                    await db.Database.ExecuteSqlRawAsync("DELETE FROM placements", ct);
                    await db.Database.ExecuteSqlRawAsync("UPDATE quarantine_rooms SET state = 'Available', occupants = 0", ct);
                }
            }
        }

        return new Report(
            "allocation", chosen.Provider.ToString(), people, rooms, sites, runs, Math.Round(Median(seconds), 3), seconds.Select(s => Math.Round(s, 3)).ToList(),
            last!.Placed, last.Unplaced, roomsUsed, violations.Count, Math.Round(meanKm, 3), Math.Round(setup.Elapsed.TotalSeconds, 1), Environment.ProcessorCount);
    }

    /// <summary>One contact per resident: three in four close, the rest secondary; one in fifty a child declared with the previous close contact as carer.</summary>
    private static async Task ContactsAsync(FangkongDbContext db, int people, CancellationToken ct)
    {
        var eighth = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == PolicyVersions.Eighth, ct);
        var persons = await db.Persons.AsNoTracking().OrderBy(p => p.Id).Take(people)
            .Select(p => new { p.DocumentNumber, p.Name, p.RegionCode }).ToListAsync(ct);
        var identified = new DateOnly(2022, 3, 19);
        var contacts = persons.Select((p, i) => Contact.Create(
            new Contact.Report(
                $"B{i + 1:D7}", i % 4 == 3 ? ContactKind.Secondary : ContactKind.Close, i % 4 == 3 ? null : "JL-1", i % 4 == 3 ? "B0000001" : null,
                p.DocumentNumber, p.Name, p.RegionCode, null, identified.AddDays(-(i % 2)), null),
            eighth).Value!).ToList();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await ContactInserter.InsertAsync(db, contacts, ct);
            await transaction.CommitAsync(ct);
        }

        var ids = await db.Contacts.AsNoTracking().OrderBy(c => c.Id).Select(c => new { c.Id, c.Kind, c.RegionCode }).ToListAsync(ct);
        for (var i = 50; i < ids.Count; i += 50)
        {
            var j = i - 1;
            while (j > i - 50 && ids[j].Kind != ContactKind.Close)
            {
                j--;
            }

            var carer = ids[j];
            if (ids[i].Kind == ContactKind.Close && carer.Kind == ContactKind.Close && j % 50 != 0)
            {
                db.DependantDeclarations.Add(DependantDeclaration.Create(OccupantKind.CloseContact, ids[i].Id, carer.Id, carer.RegionCode, DependantReason.Child, "bench", Now).Value!);
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Sites of 20 floors; one room in ten a multi-person room (3), one in twenty accessible (2); five sites in 长春市.</summary>
    private static async Task SitesAsync(FangkongDbContext db, int rooms, int sites, CancellationToken ct)
    {
        var perSite = rooms / sites;
        var random = new Random(2022);
        for (var s = 0; s < sites; s++)
        {
            var outside = s >= sites - Math.Max(1, sites / 10);
            var (county, lat, lon) = outside ? ("220102", 43.88, 125.32) : Counties[s % Counties.Length];
            var site = QuarantineSite.Create(new QuarantineSite.Details(
                $"隔离酒店{s + 1:D2}", SiteKind.Hotel, county, $"测试路{s + 1}号", lat + ((random.NextDouble() - 0.5) * 0.1), lon + ((random.NextDouble() - 0.5) * 0.1), 20, "值班", "0432-0000000")).Value!;
            db.QuarantineSites.Add(site);
            await db.SaveChangesAsync(ct);
            var floors = Math.Max(1, Math.Min(20, perSite / 10));
            var sections = Enumerable.Range(1, floors).Select(f => SiteSection.Create(site, f, null).Value!).ToList();
            db.SiteSections.AddRange(sections);
            await db.SaveChangesAsync(ct);
            var count = s == sites - 1 ? rooms - (perSite * (sites - 1)) : perSite;
            for (var r = 0; r < count; r++)
            {
                var floor = sections[r % floors];
                var (kind, capacity) = (r % 20) switch
                {
                    0 or 10 => (RoomKind.Multi, 3),
                    5 => (RoomKind.Accessible, 2),
                    _ => (RoomKind.Single, 1),
                };
                db.QuarantineRooms.Add(QuarantineRoom.Create(site, floor, $"{floor.Number:D2}{r:D4}", kind, capacity, Now.AddDays(-1)).Value!);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
