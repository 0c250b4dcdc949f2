using Fangkong.Testing;

namespace Fangkong.UnitTests.Testing;

/// <summary>Rule 5 of issue 15: a lab's "positive" with one target, or in the grey zone, is indeterminate; each cut-off on both sides.</summary>
public sealed class ResultInterpretationTests
{
    private static readonly LabCutOff Ninth = LabCutOff.Create("lab-2022-03", "Ct < 35 判阳", null, new DateOnly(2022, 3, 15), 35, 40).Value!;

    [Theory]
    [InlineData(34.9, 34.9, TestResult.Positive)]
    [InlineData(30.0, 35.0, TestResult.Indeterminate)]
    [InlineData(35.0, 30.0, TestResult.Indeterminate)]
    [InlineData(39.9, 39.9, TestResult.Indeterminate)]
    [InlineData(28.0, 39.9, TestResult.Indeterminate)]
    [InlineData(28.0, 40.0, TestResult.Indeterminate)]
    [InlineData(28.0, null, TestResult.Indeterminate)]
    [InlineData(null, 28.0, TestResult.Indeterminate)]
    public void APositive_IsPositiveOnlyWithBothTargetsBelowTheCutOff(double? ctN, double? ctOrf, TestResult expected) =>
        ResultInterpretation.Interpret(TestResult.Positive, ctN, ctOrf, Ninth).ShouldBe(expected);

    [Fact]
    public void APositiveWithoutCtValues_StandsAsTheLabsCall_AndOtherResultsAreNotReread()
    {
        ResultInterpretation.Interpret(TestResult.Positive, null, null, Ninth).ShouldBe(TestResult.Positive);
        ResultInterpretation.Interpret(TestResult.Negative, 30, 30, Ninth).ShouldBe(TestResult.Negative);
        ResultInterpretation.Interpret(TestResult.Invalid, null, 30, Ninth).ShouldBe(TestResult.Invalid);
    }

    [Fact]
    public void CutOffs_OutOfOrder_AreRefusedNamingTheField() =>
        LabCutOff.Create("x", "x", null, new DateOnly(2022, 1, 1), 41, 40).Error!.Field.ShouldBe("positiveBelowCt");
}
