namespace Fangkong.Demo.Replay;

/// <summary>
/// What one simulated day must report for the city: new confirmed cases (conversions of earlier
/// asymptomatic infections included, as the bulletins count them), of which <see cref="Conversions"/>
/// at most are conversions, the clinical types of the confirmed, and new asymptomatic infections.
/// <see cref="Published"/> marks a figure read in a bulletin (DOMAIN.md §6), the others are interpolated.
/// </summary>
public sealed record DayTarget(DateOnly Day, int Confirmed, int Asymptomatic, int Conversions, int Moderate, int Severe, bool Published)
{
    /// <summary>Confirmed cases of the mild type: the rest once moderate and severe are counted.</summary>
    public int Mild => Confirmed - Moderate - Severe;

    /// <summary>New infections of the day that need a person not yet infected, if every conversion is possible.</summary>
    public int NewPeople => Confirmed - Conversions + Asymptomatic;
}
