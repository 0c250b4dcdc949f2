using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>Sampling points: registered with hours and samplers, named by swabs, counted against the planning norm.</summary>
public sealed class SamplingPointTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly Jurisdiction County = new("county", WebTestData.County, SeesFullIdentity: false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Point_IsSavedOnce_WithHoursAndSamplers_AndSwabsNamingItOpenTubesThere(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using (var db = database.NewContext(County))
        {
            var command = new SaveSamplingPoint.Command(WebTestData.Community, "吉源广场", "temporary", null, "06:00", "22:00", ["sampler"]);
            (await SaveSamplingPoint.HandleAsync(db, command)).Value!.Samplers.ShouldBe(["sampler"]);
            var again = (await SaveSamplingPoint.HandleAsync(db, command with { ClosesAt = "23:30" })).Value!;
            again.ClosesAt.ShouldBe("23:30");
        }

        long round;
        await using (var db = database.NewContext(County))
        {
            round = (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("第三轮", WebTestData.County, 10, At, null))).Value!.Id;
        }

        await using (var db = database.NewContext(new Jurisdiction("sampler", WebTestData.County, SeesFullIdentity: false)))
        {
            await RecordScans.HandleAsync(db, round, [
                new("p1", "PT-1", WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1), At, "吉源广场"),
                new("p2", "PT-1", WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2), At, "吉源广场"),
                new("p3", "PT-2", WebTestData.IdNumberFor(WebTestData.Community, "19900704", 3), At, "别的地方"),
            ]);
        }

        await using (var check = database.NewContext())
        {
            var point = await check.SamplingPoints.SingleAsync();
            var tube = await check.Tubes.SingleAsync(t => t.Barcode == "PT-1");
            tube.SamplingPointId.ShouldBe(point.Id);
            tube.RegionCode.ShouldBe(WebTestData.Community);
            var other = await check.Tubes.SingleAsync(t => t.Barcode == "PT-2");
            other.SamplingPointId.ShouldBeNull();
            other.RegionCode.ShouldBe(WebTestData.County);
        }

        await using var view = database.NewContext(County);
        var listed = (await ListSamplingPoints.HandleAsync(view, null, round, null, null)).Value!;
        listed.Points.Items.Single().Swabs.ShouldBe(2);
        var residents = await view.Persons.LongCountAsync();
        listed.Norm.ShouldBe(new ListSamplingPoints.Plan(residents, 1, 1, (int)Math.Ceiling(residents / 3000.0), (int)Math.Ceiling(residents / 360.0)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Point_WithBadHours_UnknownSamplers_OrOutsideTheJurisdiction_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var db = database.NewContext(new Jurisdiction("community", WebTestData.Community, SeesFullIdentity: false));
        SaveSamplingPoint.Command Good() => new(WebTestData.Community, "广场", "fixed", null, "07:00", "19:00", []);

        (await SaveSamplingPoint.HandleAsync(db, Good() with { OpensAt = "25:00" })).Error!.Field.ShouldBe("opensAt");
        (await SaveSamplingPoint.HandleAsync(db, Good() with { ClosesAt = "07:00" })).Error!.Field.ShouldBe("opensAt");
        (await SaveSamplingPoint.HandleAsync(db, Good() with { Kind = "mobile" })).Error!.Field.ShouldBe("kind");
        (await SaveSamplingPoint.HandleAsync(db, Good() with { Samplers = ["nobody", "lab"] })).Error!.Message.ShouldContain("nobody、lab");
        (await SaveSamplingPoint.HandleAsync(db, Good() with { RegionCode = WebTestData.OtherCommunity })).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await SaveSamplingPoint.HandleAsync(db, Good() with { RegionCode = "220204999999" })).Error!.Field.ShouldBe("regionCode");
        (await ListSamplingPoints.HandleAsync(db, WebTestData.County, null, null, null)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        await using var check = database.NewContext();
        (await check.SamplingPoints.CountAsync()).ShouldBe(0);
    }
}
