using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Cases.Investigation;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.IntegrationTests.Cases.Investigation;

/// <summary>Deadlines and overdue investigations, the itinerary, and the check-in import.</summary>
public sealed class InvestigationTests
{
    private static readonly DateTimeOffset Now = new(2022, 4, 3, 12, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Deadline_ComesFromThePlanInForceForRegionAndReportDate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await W.EnsureRegionsAsync(db);
        var ninth = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == PolicyVersions.Eighth);
        var local = PolicyVersion.Create("jilin-2022", "吉林市流调提速", "2202", new DateOnly(2022, 3, 1), ninth.ToTerms() with { InvestigationDeadlineHours = 12 });
        db.PolicyVersions.Add(local.Value!);
        await db.SaveChangesAsync();
        await ImportAsync(db, ("C-1", "2022-04-02"), ("C-2", "2022-02-20"));
        var ids = await db.Cases.ToDictionaryAsync(c => c.CaseNo, c => c.Id);

        var underLocal = await OpenInvestigation.HandleAsync(db, ids["C-1"], Now);
        var underNational = await OpenInvestigation.HandleAsync(db, ids["C-2"], Now);
        var openedAgain = await OpenInvestigation.HandleAsync(db, ids["C-1"], Now.AddHours(5));

        underLocal.Value!.DeadlineAt.ShouldBe(Now.AddHours(12));
        underLocal.Value.PolicyVersionId.ShouldBe(local.Value!.Id);
        underNational.Value!.DeadlineAt.ShouldBe(Now.AddHours(24));
        openedAgain.Value!.Id.ShouldBe(underLocal.Value.Id);
        openedAgain.Value.DeadlineAt.ShouldBe(Now.AddHours(12));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OpenMissing_OpensOneForEveryCaseWithoutAnInvestigation_InTheJurisdictionOnly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var seed = database.NewContext())
        {
            await W.EnsureRegionsAsync(seed);
            await ImportAsync(seed, ("A", "2022-04-02"), ("B", "2022-04-02"));
            var changyi = await ImportCases.HandleAsync(seed, TimeProvider.System, TempCsv.Write(
                LineListImportTests.Header, $"C,刘洋,,{WebTestData.OtherCountyCommunity},asymptomatic,,2022-04-02,,,"));
            changyi.IsSuccess.ShouldBeTrue(changyi.Error?.Message);
            (await OpenInvestigation.HandleAsync(seed, await seed.Cases.Where(c => c.CaseNo == "A").Select(c => c.Id).SingleAsync(), Now)).IsSuccess.ShouldBeTrue();
        }

        await using var chuanying = database.NewContext(new Jurisdiction("investigator", WebTestData.County, SeesFullIdentity: true));
        var opened = await OpenInvestigation.ForCasesWithoutAsync(chuanying, Now);
        var again = await OpenInvestigation.ForCasesWithoutAsync(chuanying, Now);

        opened.ShouldBe(1);
        again.ShouldBe(0);
        await using var check = database.NewContext();
        (await check.Investigations.Select(i => i.CaseNo).OrderBy(n => n).ToListAsync()).ShouldBe(["A", "B"]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Overdue_OnlyWhenTheDeadlinePassedBeforeSubmission_AndListedFirst(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await W.EnsureRegionsAsync(db);
        await ImportAsync(db, ("LATE", "2022-04-02"), ("FRESH", "2022-04-02"), ("JUST", "2022-04-02"), ("DONE", "2022-04-02"));
        var ids = await db.Cases.ToDictionaryAsync(c => c.CaseNo, c => c.Id);
        (await OpenInvestigation.HandleAsync(db, ids["FRESH"], Now.AddHours(-1))).IsSuccess.ShouldBeTrue();
        (await OpenInvestigation.HandleAsync(db, ids["LATE"], Now.AddHours(-24).AddMinutes(-1))).IsSuccess.ShouldBeTrue();
        (await OpenInvestigation.HandleAsync(db, ids["JUST"], Now.AddHours(-24).AddMinutes(1))).IsSuccess.ShouldBeTrue();
        (await OpenInvestigation.HandleAsync(db, ids["DONE"], Now.AddHours(-30))).IsSuccess.ShouldBeTrue();
        var submitted = await SubmitInvestigation.HandleAsync(db, ids["DONE"], Now);

        var open = await ListInvestigations.HandleAsync(db, null, null, null, Now);

        submitted.Value!.IsOverdue.ShouldBeFalse();
        submitted.Value.State.ShouldBe(InvestigationState.Submitted);
        open.Value!.Items.Select(i => (i.CaseNo, i.IsOverdue)).ShouldBe([("LATE", true), ("JUST", false), ("FRESH", false)]);
        (await GetInvestigation.HandleAsync(db, ids["LATE"], Now)).Value!.IsOverdue.ShouldBeTrue();
        (await GetInvestigation.HandleAsync(db, ids["JUST"], Now)).Value!.IsOverdue.ShouldBeFalse();
        (await ListInvestigations.HandleAsync(db, "submitted", null, null, Now)).Value!.Items.Select(i => i.CaseNo).ShouldBe(["DONE"]);
        (await SubmitInvestigation.HandleAsync(db, ids["DONE"], Now)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Itinerary_IsReplacedWhileOpen_RefusedWithTheEntryNamed_AndFrozenAfterSubmission(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await W.EnsureRegionsAsync(db);
        var market = new Place("东市场", PlaceKind.Market, WebTestData.Community);
        db.Places.Add(market);
        await db.SaveChangesAsync();
        await ImportAsync(db, ("C-1", "2022-04-02"));
        var id = await db.Cases.Select(c => c.Id).SingleAsync();
        await OpenInvestigation.HandleAsync(db, id, Now);
        var at = new DateTimeOffset(2022, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

        var updated = await UpdateItinerary.HandleAsync(db, id, new UpdateItinerary.Command(
            [new(at, at.AddHours(1), market.Id, null, null, "买菜"), new(at.AddHours(3), at.AddHours(4), null, null, "吉林市人民医院发热门诊", null)], "流调员甲", new DateOnly(2022, 3, 31)), Now);
        var backwards = await UpdateItinerary.HandleAsync(db, id, new UpdateItinerary.Command([new(at, at, null, null, "甲地", null), new(at, at.AddHours(-1), null, null, "乙地", null)], null, null), Now);
        var nowhere = await UpdateItinerary.HandleAsync(db, id, new UpdateItinerary.Command([new(at, at, null, null, " ", null)], null, null), Now);
        var unknownPlace = await UpdateItinerary.HandleAsync(db, id, new UpdateItinerary.Command([new(at, at, 999_999, null, null, null)], null, null), Now);
        await SubmitInvestigation.HandleAsync(db, id, Now);
        var frozen = await UpdateItinerary.HandleAsync(db, id, new UpdateItinerary.Command([], null, null), Now);

        updated.IsSuccess.ShouldBeTrue(updated.Error?.Message);
        updated.Value!.Itinerary.Select(s => s.PlaceName ?? s.PlaceText).ShouldBe(["东市场", "吉林市人民医院发热门诊"]);
        updated.Value.Investigator.ShouldBe("流调员甲");
        updated.Value.OnsetOn.ShouldBe(new DateOnly(2022, 3, 31));
        // Asymptomatic: the look-back counts from the report date, whatever onset is recorded.
        updated.Value.WindowFrom.ShouldBe(new DateTimeOffset(2022, 3, 31, 0, 0, 0, TimeSpan.FromHours(8)));
        backwards.Error!.Field.ShouldBe("itinerary[1]");
        nowhere.Error!.Field.ShouldBe("itinerary[0]");
        unknownPlace.Error!.Field.ShouldBe("itinerary");
        frozen.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        await using var check = database.NewContext();
        (await check.Investigations.Include(i => i.Itinerary).SingleAsync()).Itinerary.Count.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckInImport_RefusesEveryBadRowByLine_StoresNothing_ThenStoresAGoodFileOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await W.EnsureRegionsAsync(db);
        var market = new Place("东市场", PlaceKind.Market, WebTestData.Community);
        var changyi = new Place("昌邑超市", PlaceKind.Supermarket, WebTestData.OtherCountyCommunity);
        db.Places.AddRange(market, changyi);
        await db.SaveChangesAsync();
        var good = W.Id(40);
        var badChecksum = W.Id(41)[..17] + (W.Id(41)[17] == '0' ? '1' : '0');
        const string header = "id_number,place_code_or_id,checked_in_at";

        var refused = await ImportCheckIns.HandleAsync(db, TempCsv.Write(
            header,
            $"{good},{market.Id},2022-04-01 10:00",
            $"{badChecksum},{market.Id},2022-04-01 10:00",
            $"{good},999999,2022-04-01 10:00",
            $"{good},{market.Id},昨天上午",
            $"{good},{market.Id},2022-04-01 10:00"));
        await using var chuanying = database.NewContext(new Jurisdiction("investigator", WebTestData.County, SeesFullIdentity: true));
        var outside = await ImportCheckIns.HandleAsync(chuanying, TempCsv.Write(header, $"{good},{changyi.Id},2022-04-01 10:00"));

        refused.Error!.Field.ShouldBe("file");
        refused.Error.Message.ShouldContain("第 3 行");
        refused.Error.Message.ShouldContain("第 4 行");
        refused.Error.Message.ShouldContain("第 5 行");
        refused.Error.Message.ShouldContain("第 6 行: 与第 2 行重复");
        refused.Error.Message.ShouldNotContain(Environment.NewLine + "第 2 行");
        outside.Error!.Message.ShouldContain("第 2 行");
        (await db.CheckIns.CountAsync()).ShouldBe(0);

        var file = TempCsv.Write(header, $"{good},{market.Id},2022-04-01 10:00", $"{W.Id(42)},{market.Id},2022-04-01T10:30:00+08:00");
        var first = await ImportCheckIns.HandleAsync(db, file);
        var second = await ImportCheckIns.HandleAsync(db, file);

        first.Value!.Added.ShouldBe(2);
        second.Value!.Added.ShouldBe(0);
        second.Value.AlreadyStored.ShouldBe(2);
        await using var check = database.NewContext();
        var stored = await check.CheckIns.OrderBy(c => c.CheckedInAt).ToListAsync();
        stored.Select(c => c.CheckedInAt.ToUniversalTime()).ShouldBe([new DateTimeOffset(2022, 4, 1, 2, 0, 0, TimeSpan.Zero), new DateTimeOffset(2022, 4, 1, 2, 30, 0, TimeSpan.Zero)]);
        stored.All(c => c.RegionCode == WebTestData.Community).ShouldBeTrue();
    }

    private static async Task ImportAsync(FangkongDbContext db, params (string CaseNo, string ReportedOn)[] cases)
    {
        var lines = cases.Select((c, i) => $"{c.CaseNo},病例{i},{W.Id(60 + i)},{WebTestData.Community},asymptomatic,,{c.ReportedOn},,,").Prepend(LineListImportTests.Header).ToArray();
        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(lines));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
    }
}
