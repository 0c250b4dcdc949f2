namespace Fangkong.Common.Input;

/// <summary>Numbers people send must be finite and within their domain (NaN compares false with every bound, so it is named).</summary>
public static class InputNumbers
{
    /// <summary>The largest Ct value a PCR run reports (cycles stop by 45–50): anything above is a typing error.</summary>
    public const double CtMax = 50;

    public static Error? Check(string field, double value, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!double.IsFinite(value))
        {
            return Error.Invalid(field, ErrorText.Of("error.common.finite-number", field, value));
        }

        return value < min || value > max
            ? Error.Invalid(field, ErrorText.Of("error.common.between", field, min, max, InputExcerpt.Of(value)))
            : null;
    }
}
