using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>The plan versions shipped by migration, and the choice of the version in force by region and date.</summary>
public sealed class PolicyVersionTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migration_ShipsEighthAndNinthEditions_WithTheirRules(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var eighth = await db.PolicyVersions.SingleAsync(v => v.Code == PolicyVersions.Eighth);
        var ninth = await db.PolicyVersions.SingleAsync(v => v.Code == PolicyVersions.Ninth);

        eighth.LookBackDays.ShouldBe(2);
        // Home days 2 and 7: shipped empty by 0050, set by 0196 (issue 15, rule 4).
        eighth.OrderFor(ContactKind.Close).ShouldBe(new QuarantineOrder(eighth.Id, QuarantinePlace.Central, 14, 7, "1,4,7,14", "2,7"));
        eighth.OrderFor(ContactKind.Secondary).ShouldBe(new QuarantineOrder(eighth.Id, QuarantinePlace.Central, 7, 0, "1,4,7", string.Empty));
        ninth.LookBackDays.ShouldBe(4);
        ninth.EffectiveFrom.ShouldBe(new DateOnly(2022, 6, 28));
        ninth.OrderFor(ContactKind.Close).ShouldBe(new QuarantineOrder(ninth.Id, QuarantinePlace.Central, 7, 3, "1,2,3,5,7", "3"));
        ninth.OrderFor(ContactKind.Secondary).ShouldBe(new QuarantineOrder(ninth.Id, QuarantinePlace.Home, 0, 7, string.Empty, "1,4,7"));
        foreach (var v in new[] { eighth, ninth })
        {
            (v.ReleaseMinCt, v.ReleaseConsecutiveTests, v.ReleaseIntervalHours, v.ReleaseHomeMonitoringDays, v.InvestigationDeadlineHours).ShouldBe((35d, 2, 24, 7, 24));
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InForce_PicksMostSpecificRegionThenLatestDate_AndAddingKeepsOldVersions(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            (await PolicyVersions.InForceAsync(db, "220204", new DateOnly(2022, 3, 20))).Value!.Code.ShouldBe(PolicyVersions.Eighth);
            (await PolicyVersions.InForceAsync(db, "220204", new DateOnly(2022, 6, 27))).Value!.Code.ShouldBe(PolicyVersions.Eighth);
            (await PolicyVersions.InForceAsync(db, "220204", new DateOnly(2022, 6, 28))).Value!.Code.ShouldBe(PolicyVersions.Ninth);
            (await PolicyVersions.InForceAsync(db, "220204", new DateOnly(2021, 1, 1))).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);

            var jilin = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command(
                "jilin-2022-04", "吉林省加严措施", "22", new DateOnly(2022, 4, 1),
                new PolicyVersion.Terms(3, new(14, 7, [1, 3, 7, 14], [7]), new(7, 7, [1, 4, 7], [7]), 35, 2, 24, 7, 12)));
            jilin.IsSuccess.ShouldBeTrue(jilin.Error?.Message);
            (await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command(
                "jilin-2022-04", "重复", null, new DateOnly(2022, 5, 1), jilin.Value!.ToTerms()))).Error!.Kind.ShouldBe(Common.ErrorKind.Conflict);
        }

        await using var check = database.NewContext();
        (await check.PolicyVersions.CountAsync()).ShouldBe(3);
        // The province's own version wins inside Jilin, even over the later national edition...
        (await PolicyVersions.InForceAsync(check, "220204", new DateOnly(2022, 7, 1))).Value!.Code.ShouldBe("jilin-2022-04");
        (await PolicyVersions.InForceAsync(check, "220204", new DateOnly(2022, 3, 31))).Value!.Code.ShouldBe(PolicyVersions.Eighth);
        // ...and nowhere else.
        (await PolicyVersions.InForceAsync(check, "210102", new DateOnly(2022, 7, 1))).Value!.Code.ShouldBe(PolicyVersions.Ninth);
    }
}
