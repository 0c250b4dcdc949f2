using Fangkong.Cases;

namespace Fangkong.Areas;

/// <summary>
/// The rules that turn a unit's criteria line and its designation into a proposed change
/// (DOMAIN §3). Pure: the use case loads, this decides, the user approves.
/// </summary>
public static class AreaRules
{
    /// <summary>A change to propose: the new level (null = lifted) and why.</summary>
    public sealed record Change(AreaLevel? ToLevel, ProposalRule Rule);

    /// <summary>The change for a unit below county level, or null when none is due.</summary>
    /// <param name="current">The designation in force; null when the unit has none.</param>
    /// <param name="scheme">The scheme of the plan in force for the unit on the day.</param>
    public static Change? For(AreaCriteria line, AreaDesignation? current, AreaScheme scheme, AreaCriteriaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(settings);
        var day = line.Day;
        if (current is null)
        {
            // A resident infected within the clean period, and nothing in force: seal (high risk).
            return line.NoNewInfection ? null : new Change(AreaLevels.Top(scheme), ProposalRule.PositiveInUndesignated);
        }

        var infectedSinceStart = line.LastInfectionOn is { } last && last >= current.StartsOn;
        switch (current.Level)
        {
            case AreaLevel.Controlled:
                return infectedSinceStart ? new Change(AreaLevel.Sealed, ProposalRule.PositiveInControlled)
                    : line.AllHold ? new Change(null, ProposalRule.LiftingCriteriaMet) : null;
            case AreaLevel.Sealed:
                return line.AllHold ? new Change(null, ProposalRule.LiftingCriteriaMet) : null;
            case AreaLevel.MediumRisk:
                return infectedSinceStart ? new Change(AreaLevel.HighRisk, ProposalRule.PositiveInControlled)
                    : day.DayNumber - current.StartsOn.DayNumber >= settings.MediumRiskDays ? new Change(null, ProposalRule.MediumToLow) : null;
            case AreaLevel.HighRisk:
                // 7 clean days counted from the last infection (or the designation when none is recorded), and a negative round on day 7 or later.
                var cleanFrom = line.LastInfectionOn ?? current.StartsOn;
                var seventh = cleanFrom.AddDays(settings.HighRiskCleanDays);
                return day >= seventh && line.RoundClean && line.RoundOn >= seventh ? new Change(AreaLevel.MediumRisk, ProposalRule.HighToMedium) : null;
            default:
                return null;
        }
    }
}
