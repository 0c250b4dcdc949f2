using Fangkong.Cases;

namespace Fangkong.UnitTests.Cases;

/// <summary>Quarantine counts from the last exposure, not from identification (DOMAIN §2, 8th edition as in Jilin, March 2022).</summary>
public sealed class QuarantineCalendarTests
{
    private static readonly PolicyVersion Eighth = PolicyVersion.Create(
        "national-8", "第八版", string.Empty, new DateOnly(2021, 5, 11),
        new PolicyVersion.Terms(2, new(14, 7, [1, 4, 7, 14], [2, 7]), new(7, 0, [1, 4, 7], []), 35, 2, 24, 7, 24)).Value!;

    private static readonly DateOnly Exposed = new(2022, 3, 10);

    [Fact]
    public void ALateFoundCloseContact_EndsOnTheSameDayAsOneFoundAtOnce()
    {
        var atOnce = Close("MJ-1", Exposed, Exposed);
        var late = Close("MJ-2", Exposed, Exposed.AddDays(6));

        late.QuarantineEndsOn.ShouldBe(atOnce.QuarantineEndsOn);
        // 14 central + 7 home days, day 1 = 3/10: the home phase ends on 3/30, central release from 3/24.
        late.QuarantineEndsOn.ShouldBe(new DateOnly(2022, 3, 30));
        late.Calendar.CentralOverOn.ShouldBe(new DateOnly(2022, 3, 24));
        late.Calendar.DayOn(14).ShouldBe(new DateOnly(2022, 3, 23));
    }

    [Fact]
    public void ALaterExposure_MovesTheEndByTheSameDays_AndAnUnknownExposureCountsFromIdentification()
    {
        var identified = Exposed.AddDays(3);
        var earlier = Close("MJ-1", Exposed, identified);
        var later = Close("MJ-2", Exposed.AddDays(1), identified);
        var unknown = Close("MJ-3", null, identified);

        (later.QuarantineEndsOn.DayNumber - earlier.QuarantineEndsOn.DayNumber).ShouldBe(1);
        unknown.Calendar.DayOne.ShouldBe(identified);
        unknown.QuarantineEndsOn.ShouldBe(identified.AddDays(20));
    }

    [Fact]
    public void ASecondaryContact_CountsFromItsLastExposureToo()
    {
        var secondary = Contact.Create(
            new Contact.Report("CMJ-1", ContactKind.Secondary, null, "MJ-1", "220204198503120011", "李娜", "220204003001", Exposed, Exposed.AddDays(2), null), Eighth).Value!;

        secondary.QuarantineEndsOn.ShouldBe(Exposed.AddDays(6));
        secondary.Calendar.CentralOverOn.ShouldBe(Exposed.AddDays(7));
    }

    private static Contact Close(string no, DateOnly? exposed, DateOnly identified) =>
        Contact.Create(new Contact.Report(no, ContactKind.Close, "JL-1", null, "220204198503120011", "张伟", "220204003001", exposed, identified, null), Eighth).Value!;
}
