namespace Fangkong.Access;

/// <summary>Gives the jurisdiction of the current request or command.</summary>
public interface IJurisdictionAccessor
{
    Jurisdiction Current { get; }
}

/// <summary>A fixed jurisdiction, for the CLI, jobs and tests.</summary>
public sealed class FixedJurisdiction(Jurisdiction jurisdiction) : IJurisdictionAccessor
{
    public Jurisdiction Current { get; } = jurisdiction;
}
