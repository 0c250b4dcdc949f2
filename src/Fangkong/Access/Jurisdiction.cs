namespace Fangkong.Access;

/// <summary>
/// What the current caller may see: a region subtree (by code prefix) and whether its role
/// needs full identity numbers and phones. The CLI and background jobs run as <see cref="System"/>.
/// </summary>
public sealed record Jurisdiction(string UserName, string RegionPrefix, bool SeesFullIdentity)
{
    /// <summary>The whole country, full identities: for operators at the console and for jobs.</summary>
    public static Jurisdiction System { get; } = new("system", string.Empty, SeesFullIdentity: true);

    /// <summary>A caller who is not signed in: no region code starts with "-", so nothing is visible.</summary>
    public static Jurisdiction Nobody { get; } = new("anonymous", "-", SeesFullIdentity: false);

    /// <summary>
    /// Whether lists of residents may show their names, home addresses and notes. Lab staff work
    /// with tubes and results and inspectors with counts and officials: they get rows without
    /// these (least data per role, issue 14). Jobs, the console and most roles keep them.
    /// </summary>
    public bool SeesResidentDetails { get; init; } = true;

    /// <summary>
    /// Whether the caller phones residents who were not swabbed (the community worker's door-to-door
    /// list, issue 16 item 1): that list shows them full phones within the jurisdiction, audited.
    /// </summary>
    public bool CallsResidents { get; init; }

    public bool Covers(string regionCode) => regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal);
}
