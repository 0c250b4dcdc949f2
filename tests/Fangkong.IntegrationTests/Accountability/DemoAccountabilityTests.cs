using Fangkong.Accountability;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Accountability.Detectors;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Accountability;

public sealed class DemoAccountabilityTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Demo_DecidesTheNursingHomeCaseWithANotice_AndRunsOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext())
        {
            await DetectorWorld.SeedRegionsAsync(seed);
        }

        await using var db = database.NewContext();
        var first = await DemoAccountability.SeedAsync(db, TimeProvider.System);
        first.Created.ShouldBeTrue();
        first.NoticeId.ShouldNotBeNull();
        var notice = await GetNotice.HandleAsync(db, first.NoticeId!.Value);
        notice.IsSuccess.ShouldBeTrue();
        notice.Value!.Document.Matters.Single().ShouldContain("副局长王尚义");
        notice.Value.Document.Matters.Single().ShouldContain("王尚义负有领导责任，受到免职处理");
        (await db.AccountabilityCases.SingleAsync()).Status.ShouldBe(AccountabilityStatus.Decided);

        var second = await DemoAccountability.SeedAsync(db, TimeProvider.System);
        second.Created.ShouldBeFalse();
        second.CaseId.ShouldBe(first.CaseId);
        (await db.AccountabilityCases.CountAsync()).ShouldBe(1);
        (await db.PublicNotices.CountAsync()).ShouldBe(1);
    }
}
