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
        var matter = notice.Value!.Document.Matters.Single();
        matter.ShouldStartWith("一、船营区委常委、副区长王健鹏等3人");
        matter.ShouldContain("。船营区民政局落实监管责任不力，指导督导不到位，监督检查流于形式。王健鹏和船营区民政局局长王兆珩、副局长王尚义负有领导责任。");
        matter.ShouldEndWith("王健鹏受到党内警告处分，王兆珩、王尚义分别受到党内严重警告处分、免职处理。");
        // The demo's notice waits for a second pair of eyes.
        notice.Value.Status.ShouldBe(NoticeStatus.Draft);
        (await db.AccountabilityCases.SingleAsync()).Status.ShouldBe(AccountabilityStatus.Decided);

        var second = await DemoAccountability.SeedAsync(db, TimeProvider.System);
        second.Created.ShouldBeFalse();
        second.CaseId.ShouldBe(first.CaseId);
        (await db.AccountabilityCases.CountAsync()).ShouldBe(1);
        (await db.PublicNotices.CountAsync()).ShouldBe(1);
    }
}
