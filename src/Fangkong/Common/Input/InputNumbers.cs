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
            return Error.Invalid(field, $"{field} 必须是有限的数字，收到 {value} ({field} must be a finite number; got {value}).");
        }

        return value < min || value > max
            ? Error.Invalid(field, $"{field} 应在 {min} 至 {max} 之间，收到 {InputExcerpt.Of(value)} ({field} must be between {min} and {max}; got {InputExcerpt.Of(value)}).")
            : null;
    }
}
