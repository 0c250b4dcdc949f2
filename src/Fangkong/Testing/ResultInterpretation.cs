namespace Fangkong.Testing;

/// <summary>
/// How a lab's "positive" is read under the cut-offs in force (<see cref="LabCutOff"/>, issue 15,
/// rule 5): positive only when both targets (N and ORF) are below the positive cut-off. A single positive
/// target (the other missing or at the negative cut-off), or a Ct between the positive cut-off and
/// the negative cut-off (the grey zone), is indeterminate (可疑): the person is re-sampled and
/// nobody is reported positive on it. A "positive" without Ct values stands as the lab's call.
/// </summary>
public static class ResultInterpretation
{
    /// <summary>The reading of <paramref name="reported"/> with its Ct values under <paramref name="plan"/>.</summary>
    public static TestResult Interpret(TestResult reported, double? ctN, double? ctOrf, LabCutOff plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (reported != TestResult.Positive || (ctN is null && ctOrf is null))
        {
            return reported;
        }

        var n = Target(ctN, plan.NegativeFromCt);
        var orf = Target(ctOrf, plan.NegativeFromCt);
        if (n is null || orf is null)
        {
            return TestResult.Indeterminate;
        }

        return n < plan.PositiveBelowCt && orf < plan.PositiveBelowCt ? TestResult.Positive : TestResult.Indeterminate;
    }

    /// <summary>The Ct of a detected target; null when the target was not detected (no value, or at the negative cut-off).</summary>
    private static double? Target(double? ct, double negativeFrom) => ct is { } value && value < negativeFrom ? value : null;
}
