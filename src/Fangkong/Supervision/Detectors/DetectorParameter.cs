namespace Fangkong.Supervision.Detectors;

/// <summary>
/// One numeric setting of a detector (<c>Supervision:Detectors:{Key}:{Name}</c>), declared once with
/// its default and its valid range, so that the start-up check and the detector agree on both.
/// </summary>
public sealed record DetectorParameter(string Name, double Default, double Min, double Max)
{
    public bool Allows(double value) => !double.IsNaN(value) && value >= Min && value <= Max;
}
