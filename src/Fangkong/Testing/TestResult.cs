namespace Fangkong.Testing;

/// <summary>A tube's lab result.</summary>
public enum TestResult
{
    Negative,
    Positive,
    Invalid,
}
