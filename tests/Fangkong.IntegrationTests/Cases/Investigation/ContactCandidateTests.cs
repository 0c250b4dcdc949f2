using Fangkong.Auditing;
using Fangkong.Cases;
using Fangkong.Cases.Investigation;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.IntegrationTests.Cases.Investigation;

/// <summary>What Fangkong proposes as contacts of a case, and what the investigator's decisions do.</summary>
public sealed class ContactCandidateTests
{
    private static readonly DateOnly EighthEditionDay = new(2022, 4, 2);
    private static readonly DateOnly NinthEditionDay = new(2022, 7, 2);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HouseholdAndUnit_AreProposed_OncePerPersonWithEveryReason_NeverTheCaseOrAnotherUnit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using var db = database.NewContext();

        var candidates = await world.CandidatesAsync(db);

        var byId = candidates.ToDictionary(c => c.IdNumber);
        byId[W.HouseholdMember].Reasons.ShouldBe([CandidateReason.Household, CandidateReason.BuildingUnit]);
        byId[W.HouseholdMember].Name.ShouldBe("陈丽");
        byId[W.HouseholdMember].Detail.ShouldContain("H-1");
        byId[W.RoomMate].Reasons.ShouldBe([CandidateReason.Household, CandidateReason.BuildingUnit]);
        byId[W.RoomMate].Detail.ShouldContain("201");
        byId[W.Neighbour].Reasons.ShouldBe([CandidateReason.BuildingUnit]);
        byId.ShouldNotContainKey(W.OtherUnit);
        byId.ShouldNotContainKey(W.Case);
        candidates.Count(c => c.IdNumber == W.HouseholdMember).ShouldBe(1);
        (await db.ContactCandidates.CountAsync(c => c.IdNumber == W.HouseholdMember)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PoolTube_EighthEdition_ProposesMembersFromTwoDaysBack_NotFromTheDayBefore(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using var db = database.NewContext();

        var byId = (await world.CandidatesAsync(db)).ToDictionary(c => c.IdNumber);

        byId[W.TubeAMember].Reasons.ShouldBe([CandidateReason.PoolTube]);
        byId[W.TubeAMember].Name.ShouldBe("孙丽");
        byId[W.TubeAMember].Detail.ShouldContain("TA-1");
        byId[W.TubeAMember].LastExposureOn.ShouldBe(EighthEditionDay.AddDays(-2));
        byId[W.TubeAVisitor].Reasons.ShouldBe([CandidateReason.PoolTube]);
        byId.ShouldNotContainKey(W.TubeBMember);
        byId.ShouldNotContainKey(W.TubeCMember);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PoolTube_NinthEdition_LooksBackFourDays_SoTheTubeOfDayMinusThreeCounts_ButNotDayMinusFive(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, NinthEditionDay);
        await using var db = database.NewContext();

        var byId = (await world.CandidatesAsync(db)).ToDictionary(c => c.IdNumber);

        byId.ShouldContainKey(W.TubeAMember);
        byId[W.TubeBMember].Reasons.ShouldBe([CandidateReason.PoolTube]);
        byId.ShouldNotContainKey(W.TubeCMember);
        var investigation = await db.Investigations.SingleAsync();
        investigation.LookBackDays.ShouldBe(4);
        investigation.PolicyVersionId.ShouldBe(await db.PolicyVersions.Where(v => v.Code == PolicyVersions.Ninth).Select(v => v.Id).SingleAsync());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckIns_WithinTwoHoursEitherSide_AreProposed_OneMinuteMoreOrAnotherPlaceIsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using var db = database.NewContext();

        var byId = (await world.CandidatesAsync(db)).ToDictionary(c => c.IdNumber);

        byId[W.ScanMinus2h].Reasons.ShouldBe([CandidateReason.CheckIn]);
        byId[W.ScanMinus2h].Detail.ShouldContain("东市场");
        byId[W.ScanPlus2h].Reasons.ShouldBe([CandidateReason.CheckIn]);
        byId.ShouldNotContainKey(W.ScanMinus2h1m);
        byId.ShouldNotContainKey(W.ScanPlus2h1m);
        byId.ShouldNotContainKey(W.ScanElsewhere);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckIns_WiderOverlapSetting_TakesInTheScansJustOutsideTwoHours(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using var db = database.NewContext();

        var byId = (await world.CandidatesAsync(db, CandidateSettings.Default with { CheckInOverlap = TimeSpan.FromHours(3) })).ToDictionary(c => c.IdNumber);

        byId.ShouldContainKey(W.ScanMinus2h1m);
        byId.ShouldContainKey(W.ScanPlus2h1m);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckIns_OfTheCaseBeforeTheLookBackWindow_ProposeNobody(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using (var seed = database.NewContext())
        {
            var early = world.At(-3, 23, 0);
            seed.CheckIns.AddRange(
                new CheckIn(null, W.Case, world.OtherPlaceId, WebTestData.Community, early),
                new CheckIn(null, W.Id(30), world.OtherPlaceId, WebTestData.Community, early.AddMinutes(10)));
            await seed.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var byId = (await world.CandidatesAsync(db)).ToDictionary(c => c.IdNumber);

        byId.ShouldNotContainKey(W.Id(30));
        byId.ShouldContainKey(W.ScanPlus2h);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AlreadyRecordedContactOfTheCase_IsNotProposed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using (var seed = database.NewContext())
        {
            var imported = await ImportContacts.HandleAsync(seed, TempCsv.Write(
                ContactImportTests.Header, $"M-9,close,{W.CaseNo},,{W.HouseholdMember},陈丽,{WebTestData.Community},2022-04-01,2022-04-02,"));
            imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
        }

        await using var db = database.NewContext();
        var byId = (await world.CandidatesAsync(db)).ToDictionary(c => c.IdNumber);

        byId.ShouldNotContainKey(W.HouseholdMember);
        byId.ShouldContainKey(W.RoomMate);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Confirm_CreatesACloseContact_WithTheQuarantineOrderOfThePlanInForceOnTheDayOfIdentification(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using var db = database.NewContext();
        var byId = (await world.CandidatesAsync(db)).ToDictionary(c => c.IdNumber);

        var eighth = await DecideCandidate.ConfirmAsync(db, world.CaseId, byId[W.HouseholdMember].Id, new DecideCandidate.Confirmation(null, EighthEditionDay), DateTimeOffset.UtcNow);
        var ninth = await DecideCandidate.ConfirmAsync(db, world.CaseId, byId[W.TubeAMember].Id, new DecideCandidate.Confirmation(null, NinthEditionDay), DateTimeOffset.UtcNow);

        eighth.IsSuccess.ShouldBeTrue(eighth.Error?.Message);
        ninth.IsSuccess.ShouldBeTrue(ninth.Error?.Message);
        eighth.Value!.Status.ShouldBe(CandidateStatus.Confirmed);
        await using var check = database.NewContext();
        var policies = await check.PolicyVersions.ToDictionaryAsync(v => v.Code, v => v.Id);
        var chenLi = await check.Contacts.SingleAsync(c => c.IdNumber == W.HouseholdMember);
        chenLi.ContactNo.ShouldBe(eighth.Value.ContactNo);
        chenLi.Kind.ShouldBe(ContactKind.Close);
        chenLi.SourceCaseNo.ShouldBe(W.CaseNo);
        chenLi.Name.ShouldBe("陈丽");
        chenLi.RegionCode.ShouldBe(WebTestData.Community);
        chenLi.ExposureOn.ShouldBe(EighthEditionDay);
        chenLi.IdentifiedOn.ShouldBe(EighthEditionDay);
        chenLi.PolicyVersionId.ShouldBe(policies[PolicyVersions.Eighth]);
        (chenLi.CentralDays, chenLi.HomeDays, chenLi.CentralTestDays).ShouldBe((14, 7, "1,4,7,14"));
        var sunLi = await check.Contacts.SingleAsync(c => c.IdNumber == W.TubeAMember);
        sunLi.ExposureOn.ShouldBe(EighthEditionDay.AddDays(-2));
        sunLi.PolicyVersionId.ShouldBe(policies[PolicyVersions.Ninth]);
        (sunLi.CentralDays, sunLi.HomeDays, sunLi.HomeTestDays).ShouldBe((7, 3, "3"));
        (await check.AuditLog.CountAsync(a => a.Entity == nameof(ContactCandidate) && a.Action == AuditActions.Update)).ShouldBe(2);
        (await check.AuditLog.CountAsync(a => a.Entity == nameof(Contact) && a.Action == AuditActions.Import)).ShouldBe(2);

        var again = await DecideCandidate.ConfirmAsync(db, world.CaseId, byId[W.HouseholdMember].Id, new DecideCandidate.Confirmation(null, EighthEditionDay), DateTimeOffset.UtcNow);
        again.Error!.Kind.ShouldBe(Fangkong.Common.ErrorKind.Conflict);
        var proposed = await world.CandidatesAsync(db);
        proposed.ShouldNotContain(c => c.IdNumber == W.HouseholdMember || c.IdNumber == W.TubeAMember);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dismiss_NeedsAReason_AndKeepsTheCandidateFromReappearing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using var db = database.NewContext();
        var neighbour = (await world.CandidatesAsync(db)).Single(c => c.IdNumber == W.Neighbour);

        var withoutReason = await DecideCandidate.DismissAsync(db, world.CaseId, neighbour.Id, "  ", DateTimeOffset.UtcNow);
        var dismissed = await DecideCandidate.DismissAsync(db, world.CaseId, neighbour.Id, "出差在外，无接触", DateTimeOffset.UtcNow);

        withoutReason.Error!.Field.ShouldBe("reason");
        dismissed.IsSuccess.ShouldBeTrue(dismissed.Error?.Message);
        (await world.CandidatesAsync(db)).ShouldNotContain(c => c.IdNumber == W.Neighbour);
        var all = await world.CandidatesAsync(db, status: "all");
        var kept = all.Single(c => c.IdNumber == W.Neighbour);
        kept.Status.ShouldBe(CandidateStatus.Dismissed);
        kept.DismissReason.ShouldBe("出差在外，无接触");
        kept.Reasons.ShouldBe([CandidateReason.BuildingUnit]);
        (await db.Contacts.CountAsync(c => c.IdNumber == W.Neighbour)).ShouldBe(0);
        await using var check = database.NewContext();
        (await check.AuditLog.CountAsync(a => a.Entity == nameof(ContactCandidate) && a.Action == AuditActions.Update)).ShouldBe(1);
    }
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HouseholdOfAConfirmedCloseContact_IsProposedAsSecondary_AndConfirmsAsASecondaryContactWithItsOrder(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await W.SeedAsync(database, EighthEditionDay);
        await using (var seed = database.NewContext())
        {
            var sunLi = await seed.Persons.SingleAsync(p => p.DocumentNumber == W.TubeAMember);
            sunLi.HouseholdNo = "H-9";
            seed.Persons.Add(new Fangkong.Persons.Person(Fangkong.Persons.DocumentType.ResidentId, W.Id(31), "杨光", WebTestData.Community)
            {
                HouseholdNo = "H-9",
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await seed.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var before = await world.CandidatesAsync(db);
        before.ShouldNotContain(c => c.IdNumber == W.Id(31));
        var close = await DecideCandidate.ConfirmAsync(db, world.CaseId, before.Single(c => c.IdNumber == W.TubeAMember).Id, new DecideCandidate.Confirmation(null, EighthEditionDay), DateTimeOffset.UtcNow);
        close.IsSuccess.ShouldBeTrue(close.Error?.Message);

        var after = await world.CandidatesAsync(db);

        var yang = after.Single(c => c.IdNumber == W.Id(31));
        yang.Kind.ShouldBe(ContactKind.Secondary);
        yang.Reasons.ShouldBe([CandidateReason.CloseContactHousehold]);
        yang.SourceContactNo.ShouldBe(close.Value!.ContactNo);
        after.Where(c => c.Kind == ContactKind.Secondary).Select(c => c.IdNumber).ShouldBe([W.Id(31)]);
        var secondary = await DecideCandidate.ConfirmAsync(db, world.CaseId, yang.Id, new DecideCandidate.Confirmation(null, EighthEditionDay), DateTimeOffset.UtcNow);
        secondary.IsSuccess.ShouldBeTrue(secondary.Error?.Message);
        await using var check = database.NewContext();
        var contact = await check.Contacts.SingleAsync(c => c.IdNumber == W.Id(31));
        contact.Kind.ShouldBe(ContactKind.Secondary);
        contact.SourceContactNo.ShouldBe(close.Value.ContactNo);
        contact.SourceCaseNo.ShouldBeNull();
        (contact.CentralDays, contact.HomeDays, contact.CentralTestDays).ShouldBe((7, 0, "1,4,7"));
        (await world.CandidatesAsync(db)).ShouldNotContain(c => c.IdNumber == W.Id(31));
    }
}
