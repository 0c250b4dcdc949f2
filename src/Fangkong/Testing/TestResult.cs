namespace Fangkong.Testing;

/// <summary>A tube's lab result.</summary>
public enum TestResult
{
    Negative,
    Positive,
    Invalid,

    /// <summary>
    /// 可疑: a single positive target, or a Ct in the grey zone between the plan's positive cut-off
    /// and the negative one (<see cref="ResultInterpretation"/>). The person is re-sampled; nobody
    /// is reported positive on it.
    /// </summary>
    Indeterminate,
}
