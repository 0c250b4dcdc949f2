using Fangkong.Common;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// Reads the labs of a test day's samples as sent: 双采双检 (two swabs, tested by two different labs
/// or reagents) needs the first lab, the second lab, different from it, and the second result.
/// Every refusal names its field.
/// </summary>
public static class DualSamples
{
    public static Result<(string? Lab, string? SecondLab, StayTestResult? SecondResult)> Read(string? lab, string? secondLab, string? secondResult)
    {
        lab = Trimmed(lab);
        secondLab = Trimmed(secondLab);
        if (lab?.Length > StayTest.LabMaxLength)
        {
            return Error.Invalid("lab", ErrorText.Of("error.rules15.lab-length", StayTest.LabMaxLength));
        }

        if (secondLab is null && string.IsNullOrWhiteSpace(secondResult))
        {
            return (lab, null, null);
        }

        if (secondLab is null || secondLab.Length > StayTest.LabMaxLength)
        {
            return Error.Invalid("secondLab", ErrorText.Of("error.rules15.second-lab-required", StayTest.LabMaxLength));
        }

        if (lab is null || string.Equals(lab, secondLab, StringComparison.Ordinal))
        {
            return Error.Invalid("secondLab", ErrorText.Of("error.rules15.second-lab-differs"));
        }

        if (!EnumText.TryParse<StayTestResult>(secondResult, out var second))
        {
            return Error.Invalid("secondResult", ErrorText.Of("error.quarantine.result-negative-positive"));
        }

        return (lab, secondLab, second);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
