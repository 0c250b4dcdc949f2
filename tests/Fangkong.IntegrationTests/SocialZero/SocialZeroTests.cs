using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.ClosedLoop;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.InfectionFree;
using Fangkong.Persons;
using Fangkong.SocialZero;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.SocialZero;

/// <summary>Classification at detection and the county status, on both sides of each threshold.</summary>
public sealed class SocialZeroTests
{
    private static readonly DateOnly Day = new(2022, 4, 8);

    private static readonly string Contact = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
    private static readonly string SameDayContact = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);
    private static readonly string Looped = WebTestData.IdNumberFor(WebTestData.Community, "19800101", 31);
    private static readonly string Free = WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportedCases_AreClassifiedAtReport_WithTheirReason(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using (var db = database.NewContext())
        {
            var policy = await db.PolicyVersions.SingleAsync(v => v.Code == PolicyVersions.Eighth);
            db.Contacts.Add(Fangkong.Cases.Contact.Create(new Fangkong.Cases.Contact.Report("MJ-1", ContactKind.Close, "X-0", null, Contact, "张伟", WebTestData.Community, Day.AddDays(-4), Day.AddDays(-3), null), policy).Value!);
            db.Contacts.Add(Fangkong.Cases.Contact.Create(new Fangkong.Cases.Contact.Report("MJ-2", ContactKind.Close, "X-0", null, SameDayContact, "李娜", WebTestData.Community, Day.AddDays(-1), Day, null), policy).Value!);
            var person = new Person(DocumentType.ResidentId, Looped, "送货甲", WebTestData.Community) { UpdatedAt = DateTimeOffset.UtcNow };
            db.Persons.Add(person);
            var unit = new Fangkong.Organisations.Organisation("保供企业", Fangkong.Organisations.OrganisationKind.Enterprise, WebTestData.Community);
            db.Organisations.Add(unit);
            await db.SaveChangesAsync();
            var group = new ClosedLoopGroup("保供企业闭环", WebTestData.Community, unit.Id, null, "test", DateTimeOffset.UtcNow);
            db.ClosedLoopGroups.Add(group);
            await db.SaveChangesAsync();
            db.ClosedLoopMembers.Add(new ClosedLoopMember(group, person.Id, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.TwiceDaily, Day.AddDays(-10)));
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(new Jurisdiction("investigator", WebTestData.County, true)))
        {
            var imported = await ImportCases.HandleAsync(db, Clocks.NoonInChina(Day), TempCsv.Write(
                CsvHeaders.LineList,
                $"C-1,张伟,{Contact},{WebTestData.Community},asymptomatic,,2022-04-08,,,",
                $"C-2,李娜,{SameDayContact},{WebTestData.Community},asymptomatic,,2022-04-08,,,",
                $"C-3,送货甲,{Looped},{WebTestData.Community},asymptomatic,,2022-04-08,,,",
                $"C-4,王芳,{Free},{WebTestData.OtherCommunity},asymptomatic,,2022-04-08,,,",
                $"C-5,王芳,{Free},{WebTestData.OtherCommunity},confirmed,mild,2022-04-09,C-4,,"));
            imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
        }

        await using var read = database.NewContext();
        var rows = await read.CaseClassifications.OrderBy(c => c.CaseNo).ToListAsync();
        rows.Select(r => (r.CaseNo, r.Level, r.Reason)).ShouldBe(
        [
            ("C-1", DetectionLevel.UnderControl, ControlReason.QuarantinedContact),
            ("C-2", DetectionLevel.SocialLevel, ControlReason.None),      // identified on the report day: not known before
            ("C-3", DetectionLevel.UnderControl, ControlReason.ClosedLoop),
            ("C-4", DetectionLevel.SocialLevel, ControlReason.None),
        ]);                                                                // C-5 converts C-4: the same infection, not classified again
        rows[0].Note!.ShouldContain("MJ-1");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AContactOfAnotherCounty_CountsAsUnderControl_ButItsRecordIsNotCopiedIntoTheNote(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var elsewhere = WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19750505", 61);
        await using (var db = database.NewContext())
        {
            var policy = await db.PolicyVersions.SingleAsync(v => v.Code == PolicyVersions.Eighth);
            db.Contacts.Add(Fangkong.Cases.Contact.Create(new Fangkong.Cases.Contact.Report("MJ-OTHER-9", ContactKind.Close, "Y-0", null, elsewhere, "孙七", WebTestData.OtherCountyCommunity, Day.AddDays(-4), Day.AddDays(-3), null), policy).Value!);
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext(new Jurisdiction("investigator", WebTestData.County, true)))
        {
            var imported = await ImportCases.HandleAsync(db, Clocks.NoonInChina(Day), TempCsv.Write(
                CsvHeaders.LineList,
                $"C-9,孙七,{elsewhere},{WebTestData.Community},asymptomatic,,2022-04-08,,,"));
            imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
        }

        await using var read = database.NewContext();
        var row = await read.CaseClassifications.SingleAsync(c => c.CaseNo == "C-9");
        row.Reason.ShouldBe(ControlReason.QuarantinedContact);
        row.Note!.ShouldNotContain("MJ-OTHER-9");
        row.Note!.ShouldNotContain("2022-04-05");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CaseInASealedCompound_IsUnderControl_ADesignationOfTheReportDayIsNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var inside = WebTestData.IdNumberFor(WebTestData.Community, "19700101", 51);
        var sealedToday = WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19700102", 53);
        await using (var db = database.NewContext())
        {
            var a = new Fangkong.Residences.Compound(WebTestData.Community, "吉源小区");
            var b = new Fangkong.Residences.Compound(WebTestData.OtherCommunity, "松北小区");
            db.Compounds.AddRange(a, b);
            await db.SaveChangesAsync();
            db.Persons.Add(new Person(DocumentType.ResidentId, inside, "赵一", WebTestData.Community) { CompoundId = a.Id, UpdatedAt = DateTimeOffset.UtcNow });
            db.Persons.Add(new Person(DocumentType.ResidentId, sealedToday, "钱二", WebTestData.OtherCommunity) { CompoundId = b.Id, UpdatedAt = DateTimeOffset.UtcNow });
            foreach (var (compound, from) in new[] { (a, Day.AddDays(-5)), (b, Day) })
            {
                var unit = new Fangkong.Areas.AreaUnit(Fangkong.Areas.AreaUnitKind.Compound, compound.RegionCode, compound.Id, compound.Name);
                db.AreaDesignations.Add(Fangkong.Areas.AreaDesignation.Create(unit, Fangkong.Areas.AreaLevel.Sealed, Fangkong.Cases.AreaScheme.SealedControlled, from, "出现阳性", "船营区指挥部", "county", null).Value!);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            (await ImportCases.HandleAsync(db, Clocks.NoonInChina(Day), TempCsv.Write(
                CsvHeaders.LineList,
                $"S-1,赵一,{inside},{WebTestData.Community},asymptomatic,,2022-04-08,,,",
                $"S-2,钱二,{sealedToday},{WebTestData.OtherCommunity},asymptomatic,,2022-04-08,,,"))).IsSuccess.ShouldBeTrue();
        }

        await using var read = database.NewContext();
        var rows = await read.CaseClassifications.OrderBy(c => c.CaseNo).ToListAsync();
        rows.Select(r => (r.CaseNo, r.Reason)).ShouldBe([("S-1", ControlReason.ControlledArea), ("S-2", ControlReason.None)]);
        rows[0].Note!.ShouldContain("封控区");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Zero_NeedsThreeDaysWithoutSocialCases_TwoAreNotEnough(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await ClassifyAsync(database, (Day.AddDays(-3), DetectionLevel.SocialLevel), (Day.AddDays(-1), DetectionLevel.UnderControl));
        await using var db = database.NewContext();
        await SetPopulation.HandleAsync(db, TimeProvider.System, new SetPopulation.Command(WebTestData.County, 1_000_000));

        var series = (await SocialZeroSeries.HandleAsync(db, WebTestData.County, Day.AddDays(-1), Day)).Value!;

        // Day -1: days -3..-1 hold a social case on -3 (rate 0.1 < 1): basic zero. Day 0: -2..0 have none: zero.
        series.Items.Select(d => (d.On, d.Status)).ShouldBe([(Day.AddDays(-1), SocialZeroStatus.BasicZero), (Day, SocialZeroStatus.Zero)]);
        series.Items[0].UnderControl.ShouldBe(1);
        series.Current.ShouldBe(SocialZeroStatus.Zero);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BasicZero_RateJustBelowOnePer100k_Counts_RateAtOneDoesNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await ClassifyAsync(database, (Day, DetectionLevel.SocialLevel), (Day, DetectionLevel.SocialLevel));
        await using var db = database.NewContext();

        await SetPopulation.HandleAsync(db, TimeProvider.System, new SetPopulation.Command(WebTestData.County, 200_001));
        var below = (await SocialZeroSeries.HandleAsync(db, WebTestData.County, Day, Day)).Value!;
        await SetPopulation.HandleAsync(db, TimeProvider.System, new SetPopulation.Command(WebTestData.County, 200_000));
        var at = (await SocialZeroSeries.HandleAsync(db, WebTestData.County, Day, Day)).Value!;

        (below.Items[0].SocialLevel, below.Items[0].BelowThreshold, below.Current).ShouldBe((2, true, SocialZeroStatus.BasicZero));
        (at.Items[0].RatePer100k, at.Items[0].BelowThreshold, at.Current).ShouldBe((1.0, false, SocialZeroStatus.None));

        // Settings: a threshold of 2 per 100,000 and 1 day make the same day basic zero.
        var loose = (await SocialZeroSeries.HandleAsync(db, WebTestData.County, Day, Day, new SocialZeroSettings(1, 2.0))).Value!;
        loose.Current.ShouldBe(SocialZeroStatus.BasicZero);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Series_OutsideTheJurisdiction_OrBelowCountyLevel_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, false));

        (await SocialZeroSeries.HandleAsync(db, WebTestData.OtherCounty, Day, Day)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await SocialZeroSeries.HandleAsync(db, "2202", Day, Day)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await SocialZeroSeries.HandleAsync(db, WebTestData.Street, Day, Day)).Error!.Field.ShouldBe("region");
        (await SetPopulation.HandleAsync(db, TimeProvider.System, new SetPopulation.Command(WebTestData.OtherCounty, 10))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        // A province's population would be saved but never read (the series is per city or county).
        (await SetPopulation.HandleAsync(db, TimeProvider.System, new SetPopulation.Command("22", 10))).Error!.Field.ShouldBe("region");
        (await SetPopulation.HandleAsync(db, TimeProvider.System, new SetPopulation.Command(WebTestData.Street, 10))).Error!.Field.ShouldBe("region");
        (await SetPopulation.HandleAsync(db, TimeProvider.System, new SetPopulation.Command(WebTestData.County, 0))).Error!.Field.ShouldBe("population");
        (await SocialZeroSeries.HandleAsync(db, WebTestData.County, Day, Day, new SocialZeroSettings(0, 1))).Error!.Field.ShouldBe("settings");
    }

    private static async Task ClassifyAsync(TestDatabase database, params (DateOnly On, DetectionLevel Level)[] cases)
    {
        await using var db = database.NewContext();
        var n = 0;
        foreach (var (on, level) in cases)
        {
            db.CaseClassifications.Add(new CaseClassification($"K-{++n}", WebTestData.Community, on, level, level == DetectionLevel.SocialLevel ? ControlReason.None : ControlReason.QuarantinedContact, null, DateTimeOffset.UtcNow));
        }

        // Another county's social-level case never counts here.
        db.CaseClassifications.Add(new CaseClassification("K-other", WebTestData.OtherCountyCommunity, Day, DetectionLevel.SocialLevel, ControlReason.None, null, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
