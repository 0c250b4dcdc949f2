using Fangkong.Areas;
using Fangkong.Cases;

namespace Fangkong.UnitTests.Areas;

/// <summary>The rules that turn criteria and a designation into a proposal, on both sides of each threshold.</summary>
public sealed class AreaRulesTests
{
    private static readonly DateOnly Day = new(2022, 7, 20);
    private static readonly AreaCriteriaSettings Settings = AreaCriteriaSettings.Default;

    [Fact]
    public void Undesignated_WithAnInfectionWithinTheCleanDays_IsSealed_OrHighRiskUnderTheNinthEdition()
    {
        AreaRules.For(Line(lastInfection: Day.AddDays(-13)), null, AreaScheme.SealedControlled, Settings)
            .ShouldBe(new AreaRules.Change(AreaLevel.Sealed, ProposalRule.PositiveInUndesignated));
        AreaRules.For(Line(lastInfection: Day), null, AreaScheme.RiskLevels, Settings)
            .ShouldBe(new AreaRules.Change(AreaLevel.HighRisk, ProposalRule.PositiveInUndesignated));
        AreaRules.For(Line(lastInfection: Day.AddDays(-14), noNewInfection: true), null, AreaScheme.SealedControlled, Settings).ShouldBeNull();
    }

    [Fact]
    public void Controlled_APositiveOnOrAfterItsStart_Seals_AnEarlierOneDoesNot()
    {
        var controlled = Designation(AreaLevel.Controlled, Day.AddDays(-3));
        AreaRules.For(Line(lastInfection: Day.AddDays(-3)), controlled, AreaScheme.SealedControlled, Settings)!.ToLevel.ShouldBe(AreaLevel.Sealed);
        AreaRules.For(Line(lastInfection: Day.AddDays(-4)), controlled, AreaScheme.SealedControlled, Settings).ShouldBeNull();
    }

    [Fact]
    public void SealedOrControlled_LiftOnlyWhenAllThreeCriteriaHold()
    {
        var sealedArea = Designation(AreaLevel.Sealed, Day.AddDays(-30));
        AreaRules.For(Line(noNewInfection: true, contacts: true, round: true), sealedArea, AreaScheme.SealedControlled, Settings)
            .ShouldBe(new AreaRules.Change(null, ProposalRule.LiftingCriteriaMet));
        AreaRules.For(Line(noNewInfection: true, contacts: false, round: true), sealedArea, AreaScheme.SealedControlled, Settings).ShouldBeNull();
        AreaRules.For(Line(noNewInfection: true, contacts: true, round: false), sealedArea, AreaScheme.SealedControlled, Settings).ShouldBeNull();
        AreaRules.For(Line(noNewInfection: false, contacts: true, round: true), sealedArea, AreaScheme.SealedControlled, Settings).ShouldBeNull();
    }

    [Fact]
    public void HighRisk_SixCleanDays_Stays_SevenWithARoundOnDaySeven_TurnsMedium_ARoundOnDaySixDoesNot()
    {
        var high = Designation(AreaLevel.HighRisk, Day.AddDays(-10));
        AreaRules.For(Line(lastInfection: Day.AddDays(-7), round: true, roundOn: Day), high, AreaScheme.RiskLevels, Settings)
            .ShouldBe(new AreaRules.Change(AreaLevel.MediumRisk, ProposalRule.HighToMedium));
        AreaRules.For(Line(lastInfection: Day.AddDays(-6), round: true, roundOn: Day), high, AreaScheme.RiskLevels, Settings).ShouldBeNull();
        AreaRules.For(Line(lastInfection: Day.AddDays(-7), round: true, roundOn: Day.AddDays(-1)), high, AreaScheme.RiskLevels, Settings).ShouldBeNull();
    }

    [Fact]
    public void MediumRisk_TwoDays_Stays_ThreeDaysLiftsToLow_APositiveTurnsItHigh()
    {
        AreaRules.For(Line(lastInfection: Day.AddDays(-12)), Designation(AreaLevel.MediumRisk, Day.AddDays(-2)), AreaScheme.RiskLevels, Settings).ShouldBeNull();
        AreaRules.For(Line(lastInfection: Day.AddDays(-12)), Designation(AreaLevel.MediumRisk, Day.AddDays(-3)), AreaScheme.RiskLevels, Settings)
            .ShouldBe(new AreaRules.Change(null, ProposalRule.MediumToLow));
        AreaRules.For(Line(lastInfection: Day.AddDays(-1)), Designation(AreaLevel.MediumRisk, Day.AddDays(-3)), AreaScheme.RiskLevels, Settings)!.ToLevel
            .ShouldBe(AreaLevel.HighRisk);
    }

    [Fact]
    public void Levels_KnowTheirScheme_Severity_AndMeaning()
    {
        AreaLevel.Sealed.MeaningZh().ShouldBe("足不出户、服务上门");
        AreaLevel.Controlled.MeaningZh().ShouldBe("人不出区、严禁聚集");
        (AreaLevel.Sealed.Severity(), AreaLevel.MediumRisk.Severity(), AreaLevel.Precaution.Severity()).ShouldBe((3, 2, 1));
        (AreaLevel.LowRisk.SchemeOf(), AreaLevel.Controlled.SchemeOf()).ShouldBe((AreaScheme.RiskLevels, AreaScheme.SealedControlled));
    }

    private static AreaDesignation Designation(AreaLevel level, DateOnly since) =>
        AreaDesignation.Create(new AreaUnit(AreaUnitKind.Compound, "220204003001", 1, "吉源小区"), level, level.SchemeOf(), since, "测试", "指挥部", "county", null).Value!;

    private static AreaCriteria Line(DateOnly? lastInfection = null, bool? noNewInfection = null, bool contacts = true, bool round = false, DateOnly? roundOn = null) =>
        new(AreaUnitKind.Compound, "1", "吉源小区", "220204003001", Day, 100, lastInfection, null, null, round ? 1 : null, round ? roundOn ?? Day : null, round ? 100 : 0, 0, 0,
            noNewInfection ?? (lastInfection is null || Day.DayNumber - lastInfection.Value.DayNumber >= 14), contacts, round);
}
