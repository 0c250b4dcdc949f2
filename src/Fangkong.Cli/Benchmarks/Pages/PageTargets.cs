namespace Fangkong.Cli.Benchmarks.Pages;

/// <summary>
/// The 20 pages and API lists a command centre opens most during an outbreak, as relative URLs on
/// the demo city: the region browser down to a street, person search by name and by community, the
/// testing round with its coverage and not-sampled list, cases, contacts, quarantine, findings, and
/// the command centre's situation view (<c>/command</c>, its big screen <c>/command/screen</c>).
/// </summary>
internal static class PageTargets
{
    public sealed record Target(string Name, string Path);

    public const string County = "220204";
    public const string Street = "220204003";
    public const string Community = "220204003001";
    public const string CommonName = "王伟";

    public static IReadOnlyList<Target> For(long roundId)
    {
        var name = Uri.EscapeDataString(CommonName);
        return
        [
            new("page /", "/"),
            new("page /regions", "/regions"),
            new("page /regions/2202", "/regions/2202"),
            new($"page /regions/{County}", $"/regions/{County}"),
            new($"page /regions/{Street}", $"/regions/{Street}"),
            new("page /persons?q=王伟", $"/persons?q={name}"),
            new("page /persons?region=<community>", $"/persons?region={Community}"),
            new("page /testing/<round>", $"/testing/{roundId}"),
            new("page /testing/<round>/not-sampled", $"/testing/{roundId}/not-sampled?community={Community}"),
            new("page /cases", "/cases"),
            new("page /contacts", "/contacts"),
            new("page /quarantine/sites", "/quarantine/sites"),
            new("page /findings", "/findings"),
            new("page /command", "/command"),
            new("page /command/screen", "/command/screen"),
            new("api regions/2202", "/api/v1/regions/2202"),
            new("api persons?region=<community>", $"/api/v1/persons?region={Community}"),
            new("api persons?q=王伟", $"/api/v1/persons?q={name}"),
            new("api testing coverage", $"/api/v1/testing/rounds/{roundId}/coverage?region={County}"),
            new("api testing not-sampled", $"/api/v1/testing/rounds/{roundId}/not-sampled?community={Community}"),
            new("api cases", "/api/v1/cases"),
            new("api contacts", "/api/v1/contacts"),
        ];
    }
}
