using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Passes;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Supervision.Detectors;
using static Fangkong.IntegrationTests.Accountability.Detectors.DetectorWorld;

namespace Fangkong.IntegrationTests.Accountability.Detectors;

/// <summary>The four detectors of issue 7 item 3 built here: each tripped, and each not, on both sides of its threshold.</summary>
public sealed class AccountabilityDetectorTests
{
    [Fact]
    public void Catalog_RunsTheFourDetectors()
    {
        var keys = DetectorCatalog.All.Select(d => d.Key).ToList();
        keys.ShouldContain(PassOutsideValidityDetector.DetectorKey);
        keys.ShouldContain(PositivesNotTransferredDetector.DetectorKey);
        keys.ShouldContain(ContactsNotPlacedDetector.DetectorKey);
        keys.ShouldContain(HomeQuarantineBreachDetector.DetectorKey);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PassOutsideValidity_ScanPastGrace_IsFound_WithinGraceAndValidScans_AreNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedRegionsAsync(db);
        var (expired, checkpoint) = await AddPassAsync(db, null, Now.AddDays(-3), Now.AddHours(-2));
        var (valid, _) = await AddPassAsync(db, null, Now.AddDays(-1), Now.AddDays(1));
        await ScanAsync(db, expired, checkpoint, Now.AddHours(-2).AddMinutes(20), PassVerdict.Expired);
        await ScanAsync(db, valid, checkpoint, Now.AddHours(-1), PassVerdict.Allowed);
        var detector = new PassOutsideValidityDetector();

        var found = await DetectAsync(detector, db, ("GraceMinutes", "15"));
        found.Select(f => f.DedupeKey).ShouldBe([$"pass-outside-validity:{expired.Id}:Expired"]);
        found[0].OrganisationId.ShouldBe(expired.OrganisationId);
        found[0].RegionCode.ShouldBe(Community);

        (await DetectAsync(detector, db, ("GraceMinutes", "25"))).ShouldBeEmpty();
        (await DetectAsync(detector, db, ("GraceMinutes", "15"), ("MinScans", "2"))).ShouldBeEmpty();

        // Shown before it starts, too.
        var (future, _) = await AddPassAsync(db, null, Now.AddDays(1), Now.AddDays(2));
        await ScanAsync(db, future, checkpoint, Now.AddHours(-3), PassVerdict.NotYetValid);
        (await DetectAsync(detector, db)).Select(f => f.DedupeKey).ShouldBe([$"pass-outside-validity:{expired.Id}:Expired", $"pass-outside-validity:{future.Id}:NotYetValid"], ignoreOrder: true);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositivesNotTransferred_CheckInAfterMidnight_IsFound_AtMidnightOrWithGrace_IsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedRegionsAsync(db);
        var yesterday = Today.AddDays(-1);
        await AddCaseAsync(db, "J0001", 1, yesterday);
        await AddTransferAsync(db, 1, At(yesterday, 9), At(yesterday, 23, 59));
        await AddCaseAsync(db, "J0002", 2, yesterday);
        await AddTransferAsync(db, 2, At(yesterday, 9), At(Today, 0, 1));
        await AddCaseAsync(db, "J0003", 3, yesterday);
        // Today's positive is not judged before today ends.
        await AddCaseAsync(db, "J0004", 4, Today);
        var detector = new PositivesNotTransferredDetector();

        var found = await DetectAsync(detector, db);
        found.Count.ShouldBe(1);
        found[0].DedupeKey.ShouldBe($"positives-not-transferred:{County}:{yesterday:yyyy-MM-dd}");
        found[0].RegionCode.ShouldBe(County);
        found[0].Title.ShouldContain("2 名");
        found[0].Description.ShouldContain("J0002");
        found[0].Description.ShouldContain("J0003");
        found[0].Description.ShouldNotContain("J0001");
        found[0].Description.ShouldNotContain("J0004");

        // An hour's grace covers the check-in at 00:01, not the positive never transferred.
        var graced = await DetectAsync(detector, db, ("GraceHours", "1"));
        graced.Single().Title.ShouldContain("1 名");
        graced.Single().Description.ShouldContain("J0003");
        graced.Single().Description.ShouldNotContain("J0002");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ContactsNotPlaced_WatchOpenedPast12Hours_IsFound_Within12Hours_IsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedRegionsAsync(db);
        var yesterday = Today.AddDays(-1);
        var onTime = await AddContactAsync(db, "M0001", ContactKind.Secondary, 11, yesterday);
        onTime.QuarantinePlace.ShouldBe(QuarantinePlace.Home);
        await AddWatchAsync(db, HomeWatchKind.HomeQuarantine, 11, "M0001", yesterday, At(yesterday, 12));
        var late = await AddContactAsync(db, "M0002", ContactKind.Secondary, 12, yesterday);
        await AddWatchAsync(db, HomeWatchKind.HomeQuarantine, 12, "M0002", yesterday, At(yesterday, 12, 1));
        var central = await AddContactAsync(db, "M0003", ContactKind.Close, 13, yesterday);
        central.QuarantinePlace.ShouldBe(QuarantinePlace.Central);
        // Identified today: its 12 hours end at noon; the detector reads at noon, so not yet.
        await AddContactAsync(db, "M0004", ContactKind.Close, 14, Today);
        var detector = new ContactsNotPlacedDetector();

        var found = await DetectAsync(detector, db);
        found.Count.ShouldBe(1);
        found[0].DedupeKey.ShouldBe($"contacts-not-placed:{Community}:{yesterday:yyyy-MM-dd}");
        found[0].Description.ShouldContain("M0002");
        found[0].Description.ShouldContain("M0003");
        found[0].Description.ShouldNotContain("M0001");
        found[0].Description.ShouldNotContain("M0004");

        // With 11 hours today's contact is late too; with 24 only the never-placed one remains.
        (await DetectAsync(detector, db, ("Hours", "11"))).Select(f => f.DedupeKey).ShouldContain($"contacts-not-placed:{Community}:{Today:yyyy-MM-dd}");
        var lenient = await DetectAsync(detector, db, ("Hours", "24"));
        lenient.Single().Description.ShouldContain("M0003");
        lenient.Single().Description.ShouldNotContain("M0002");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HomeQuarantineBreach_ReportedLate_IsFound_OnTime_IsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedRegionsAsync(db);
        var watch = await AddWatchAsync(db, HomeWatchKind.HomeQuarantine, 21, null, Today.AddDays(-2), Now.AddDays(-2));
        var occurred = Now.AddHours(-6);
        var onTime = new HomeBreach(watch.Id, Community, occurred, occurred.AddHours(2), "私自驾车外出", "村妇女主任", "system", occurred.AddHours(2));
        var late = new HomeBreach(watch.Id, Community, occurred.AddMinutes(-1), occurred.AddHours(2), "私自驾车外出", "村妇女主任", "system", occurred.AddHours(3));
        db.HomeBreaches.AddRange(onTime, late);
        await db.SaveChangesAsync();
        var detector = new HomeQuarantineBreachDetector();

        var found = await DetectAsync(detector, db);
        found.Select(f => f.DedupeKey).ShouldBe([$"home-quarantine-breach:late:{late.Id}"]);
        found[0].RegionCode.ShouldBe(Community);
        (await DetectAsync(detector, db, ("Hours", "3"))).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HomeQuarantineBreach_PassScannedAndNeverReported_IsFound_ReportedOrTooRecent_IsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await SeedRegionsAsync(db);
        var watched = await AddWatchAsync(db, HomeWatchKind.HomeQuarantine, 31, null, Today.AddDays(-2), Now.AddDays(-2));
        await AddWatchAsync(db, HomeWatchKind.HealthMonitoring, 32, null, Today.AddDays(-2), Now.AddDays(-2));
        var (pass, checkpoint) = await AddPassAsync(db, IdNumber(31), Now.AddDays(-3), Now.AddDays(3));
        var (monitoredPass, _) = await AddPassAsync(db, IdNumber(32), Now.AddDays(-3), Now.AddDays(3));
        await ScanAsync(db, pass, checkpoint, Now.AddHours(-3), PassVerdict.Allowed);
        // Health monitoring lets a person go out: no breach.
        await ScanAsync(db, monitoredPass, checkpoint, Now.AddHours(-3), PassVerdict.Allowed);
        var detector = new HomeQuarantineBreachDetector();

        var found = await DetectAsync(detector, db);
        found.Select(f => f.DedupeKey).ShouldBe([$"home-quarantine-breach:unreported:{watched.Id}:{Today:yyyy-MM-dd}"]);
        // Within the report deadline it is not yet a failure.
        (await DetectAsync(detector, db, ("Hours", "4"))).ShouldBeEmpty();

        // Reported (on time) for that day: no longer unreported.
        db.HomeBreaches.Add(new HomeBreach(watched.Id, Community, Now.AddHours(-3), Now.AddHours(-2), "驾车外出", "社区网格员", "system", Now.AddHours(-2)));
        await db.SaveChangesAsync();
        (await DetectAsync(detector, db)).ShouldBeEmpty();
    }
}
