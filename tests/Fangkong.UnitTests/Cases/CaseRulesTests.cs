using Fangkong.Cases;
using Case = Fangkong.Cases.Case;

namespace Fangkong.UnitTests.Cases;

/// <summary>The invariants a case keeps itself.</summary>
public sealed class CaseRulesTests
{
    private static readonly DateOnly March20 = new(2022, 3, 20);

    [Fact]
    public void Confirmed_WithoutSeverity_IsRefused()
    {
        Case.Create(Report(CaseType.Confirmed, null)).Error!.Field.ShouldBe("severity");
    }

    [Fact]
    public void Asymptomatic_WithSeverity_IsRefused_AndItsDischargeIsRefused()
    {
        Case.Create(Report(CaseType.Asymptomatic, Severity.Mild)).Error!.Field.ShouldBe("severity");
        var asymptomatic = Case.Create(Report(CaseType.Asymptomatic, null)).Value!;
        asymptomatic.SetOutcome(CaseOutcome.Discharged, March20.AddDays(10)).Error!.Code.ShouldBe("error.cases.asymptomatic-infection-released-not-discharged");
        asymptomatic.SetOutcome(CaseOutcome.Released, March20.AddDays(10)).Value.ShouldBeTrue();
    }

    [Fact]
    public void Confirmed_CannotBeReleased_NorHaveAnOutcomeBeforeItsReport()
    {
        var confirmed = Case.Create(Report(CaseType.Confirmed, Severity.Mild)).Value!;
        confirmed.SetOutcome(CaseOutcome.Released, March20.AddDays(3)).Error!.Field.ShouldBe("outcome");
        confirmed.SetOutcome(CaseOutcome.Discharged, March20.AddDays(-1)).Error!.Field.ShouldBe("outcome_on");
        confirmed.SetOutcome(CaseOutcome.Died, March20.AddDays(2)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void SeverityChange_IsKeptInHistory_AndTheReportedSeverityStays()
    {
        var confirmed = Case.Create(Report(CaseType.Confirmed, Severity.Moderate)).Value!;

        confirmed.ChangeSeverity(Severity.Critical, March20.AddDays(2)).Value.ShouldBeTrue();

        confirmed.Severity.ShouldBe(Severity.Critical);
        confirmed.ReportedSeverity.ShouldBe(Severity.Moderate);
        confirmed.SeverityHistory.Select(s => s.Severity).ShouldBe([Severity.Moderate, Severity.Critical]);
        Case.Create(Report(CaseType.Asymptomatic, null)).Value!.ChangeSeverity(Severity.Mild, March20).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public void ConvertedFrom_OnAnAsymptomaticRecord_IsRefused()
    {
        Case.Create(Report(CaseType.Asymptomatic, null) with { ConvertedFromCaseNo = "A-0" }).Error!.Field.ShouldBe("converted_from");
    }

    private static Case.Report Report(CaseType type, Severity? severity) =>
        new("JL-1", "张伟", "220204198503120017", "220204003001", type, severity, March20, CaseSource.LineList, null, null);
}
