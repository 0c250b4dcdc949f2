using Fangkong.Common;

namespace Fangkong.Cases;

/// <summary>
/// How a plan edition releases contacts beyond the days and test days of their order (issue 15,
/// rule 4; DOMAIN §2). The 8th edition asks for 双采双检 before a close contact leaves central
/// quarantine — the last test of the central phase taken as two samples, tested by two different
/// labs or reagents, both negative — and lets a secondary contact (次密接) go early once its close
/// contact's first tests are negative. The 9th edition has neither. Terms of the plan, kept on its row.
/// </summary>
/// <param name="DualSampling">双采双检 of the close contact's last central test before release.</param>
/// <param name="SecondaryEarlyReleaseTests">How many of the close contact's first tests must be negative for its secondary contacts to be released early; 0 = no early release.</param>
public sealed record ContactReleaseRules(bool DualSampling, int SecondaryEarlyReleaseTests)
{
    /// <summary>The largest number of first tests a plan may ask for.</summary>
    public const int MaxEarlyReleaseTests = 5;

    /// <summary>Neither rule (the 9th edition); a new version's unless given.</summary>
    public static ContactReleaseRules None { get; } = new(false, 0);

    /// <summary>The 8th edition's [recalled: the number of first tests is a default an administrator may change].</summary>
    public static ContactReleaseRules Eighth { get; } = new(true, 2);

    public Error? Check() =>
        SecondaryEarlyReleaseTests is < 0 or > MaxEarlyReleaseTests
            ? Error.Invalid("secondaryEarlyReleaseTests", ErrorText.Of("error.rules15.early-release-tests-range", MaxEarlyReleaseTests))
            : null;
}
