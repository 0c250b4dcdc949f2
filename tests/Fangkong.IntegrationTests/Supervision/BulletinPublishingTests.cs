using Fangkong.Cases.Bulletins;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>A published bulletin is frozen: once per day unless corrected (a new version), never before the day ends, never edited.</summary>
public sealed class BulletinPublishingTests
{
    private static readonly DateOnly Day = new(2022, 4, 4);

    private static Access.Jurisdiction County => new("county", WebTestData.County, false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Publish_FreezesTextAndFigures_ASecondTimeNeedsACorrection_WhichIsTheNextVersion(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await DetectorWorld.CaseAsync(world, "C1", Day);
        await using var db = world.Context(County);

        var first = (await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command(WebTestData.County, Day))).Value!;
        await DetectorWorld.CaseAsync(world, "C2", Day, sequence: 13);
        var again = await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command(WebTestData.County, Day));
        var corrected = await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command(WebTestData.County, Day, "补报 1 例迟报病例"));

        first.Version.ShouldBe(1);
        first.Text.ShouldContain("新增本土确诊病例1例");
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        corrected.Value!.Version.ShouldBe(2);
        corrected.Value.Text.ShouldContain("新增本土确诊病例2例");
        var stored = (await ListPublishedBulletins.GetAsync(db, first.Id)).Value!;
        stored.Figures["新增确诊"].ShouldBe(1);
        stored.Text.ShouldBe(first.Text);
        (await ListPublishedBulletins.HandleAsync(db, null, null)).TotalCount.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Publish_TodayOrACorrectionOfNothingOrOutsideTheJurisdiction_IsRefused(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await using var db = world.Context(County);
        var today = ChinaTime.Today(world.Time);

        (await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command(WebTestData.County, today))).Error!.Field.ShouldBe("date");
        (await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command(WebTestData.County, today.AddDays(-1)))).IsSuccess.ShouldBeTrue();
        (await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command(WebTestData.County, Day.AddDays(-3), "更正"))).Error!.Field.ShouldBe("correction");
        (await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command("2202", Day))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublishedBulletin_CannotBeEditedOrDeleted_EvenBySql(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await DetectorWorld.CaseAsync(world, "C1", Day);
        await using (var db = world.Context(County))
        {
            (await PublishBulletin.HandleAsync(db, world.Time, new PublishBulletin.Command(WebTestData.County, Day))).IsSuccess.ShouldBeTrue();
        }

        await using var system = world.Context();
        await Should.ThrowAsync<Exception>(() => system.Database.ExecuteSqlRawAsync("UPDATE published_bulletins SET figures = '新增确诊=0'"));
        await Should.ThrowAsync<Exception>(() => system.Database.ExecuteSqlRawAsync("DELETE FROM published_bulletins"));
        (await system.PublishedBulletins.SingleAsync()).Figures.ShouldContain("新增确诊=1");
    }
}
