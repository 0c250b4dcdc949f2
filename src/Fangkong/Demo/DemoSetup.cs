using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// The demo city, built step by step and idempotently: Jilin's real regions, a synthetic
/// population of 船营区 (Jilin City) under its real communities, the key places and units the
/// seeds name, one user per role, a round of mass testing and the outbreak week it ends (cases,
/// contacts, a nursing-home cluster). Running it again adds only what is missing.
/// </summary>
public static class DemoSetup
{
    /// <summary>船营区, Jilin City: the county of seed 000's notice.</summary>
    public const string County = "220204";

    /// <summary>About the registered population of 船营区.</summary>
    public const int DefaultPeople = 450_000;

    public enum Step
    {
        Regions,
        People,
        Places,
        Users,
        Testing,
        Cases,
        Transfers,
        Areas,
        ZeroLoop,
        Supervision,
    }

    /// <summary>Where the demo is: which step, and for the people how many of how many.</summary>
    public sealed record Progress(Step Step, long Done, long Total);

    public sealed record Report(
        int RegionsAdded,
        long PeopleLoaded,
        long PeopleBefore,
        int PlacesAdded,
        IReadOnlyList<(DemoUsers.Account Account, bool Created)> Users,
        DemoTesting.Report? Testing,
        DemoCases.Report? Cases = null,
        DemoQuarantine.Report? Quarantine = null,
        DemoTransfers.Report? Transfers = null,
        DemoAreas.Report? Areas = null,
        ZeroLoopReport? ZeroLoop = null,
        DemoSupervision.Report? Supervision = null);

    /// <summary>What the closed-loop, infection-free and pass steps added (null parts: present already).</summary>
    public sealed record ZeroLoopReport(DemoClosedLoop.Report? ClosedLoop, DemoInfectionFree.Report? InfectionFree, DemoPasses.Report? Passes, DemoSocialZero.Report? SocialZero);

    public static async Task<Report> RunAsync(
        FangkongDbContext db,
        UserManager<FangkongUser> users,
        RoleManager<IdentityRole> roles,
        TimeProvider time,
        int people,
        IProgress<Progress>? progress = null,
        CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(people);
        progress?.Report(new Progress(Step.Regions, 0, 1));
        var regionsAdded = await EnsureReferenceData.EnsureJilinAsync(db, ct);

        var before = await db.Persons.LongCountAsync(p => p.RegionCode.StartsWith(County), ct);
        long loaded = 0;
        if (before == 0 && people > 0)
        {
            loaded = await LoadPopulationAsync(db, people, progress, ct);
        }

        progress?.Report(new Progress(Step.Places, 0, 1));
        var placesAdded = await DemoPlaces.SeedAsync(db, ct: ct);
        progress?.Report(new Progress(Step.Users, 0, DemoUsers.Accounts.Count));
        var accounts = await DemoUsers.SeedAsync(db, users, roles, ct);
        progress?.Report(new Progress(Step.Testing, 0, 1));
        var testing = await DemoTesting.SeedAsync(db, time, progress is null ? null : new StepProgress(progress, Step.Testing), ct);
        progress?.Report(new Progress(Step.Cases, 0, 1));
        var cases = await DemoCases.SeedAsync(db, time, ct);
        progress?.Report(new Progress(Step.Transfers, 0, 1));
        // One case is treated and released before the week's people are placed and checked in.
        await DemoTransfers.ReleaseFirstCaseAsync(db, time, ct);
        var quarantine = await DemoQuarantine.SeedAsync(db, time, ct);
        var transfers = await DemoTransfers.SeedAsync(db, time, ct);
        progress?.Report(new Progress(Step.Areas, 0, 1));
        var areas = await DemoAreas.SeedAsync(db, time, ct);
        progress?.Report(new Progress(Step.ZeroLoop, 0, 1));
        var zeroLoop = new ZeroLoopReport(
            await DemoClosedLoop.SeedAsync(db, time, ct),
            await DemoInfectionFree.SeedAsync(db, time, ct),
            await DemoPasses.SeedAsync(db, time, ct),
            await DemoSocialZero.SeedAsync(db, time, ct));
        progress?.Report(new Progress(Step.Supervision, 0, 1));
        var supervision = await DemoSupervision.SeedAsync(db, time, ct);
        // After supervision, so that the accountability case can link the nursing home's finding.
        await DemoAccountability.SeedAsync(db, time, ct);
        return new Report(regionsAdded, loaded, before, placesAdded, accounts, testing, cases, quarantine, transfers, areas, zeroLoop, supervision);
    }

    private static async Task<long> LoadPopulationAsync(FangkongDbContext db, int people, IProgress<Progress>? progress, CancellationToken ct)
    {
        var communities = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(County) && r.Level == RegionLevel.Community)
            .OrderBy(r => r.Code)
            .Select(r => new DemoPopulation.Community(r.Code, r.Name))
            .ToListAsync(ct);
        if (communities.Count == 0)
        {
            throw new InvalidOperationException($"No communities of {County} in the region table: the regions of Jilin did not load.");
        }

        var rows = new DemoPopulation(County).Generate(communities, people);
        var report = progress is null ? null : new Progress<long>(n => progress.Report(new Progress(Step.People, n, people)));
        var summary = await PersonBulkLoader.LoadAsync(db, rows, report, ct);
        return summary.Inserted + summary.Updated;
    }
}
