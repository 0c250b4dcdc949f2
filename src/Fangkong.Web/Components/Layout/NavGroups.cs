using Fangkong.Access;

namespace Fangkong.Web.Components.Layout;

/// <summary>
/// The navigation, grouped by the work (issue 17 item 3). Each entry names the policy its page
/// requires (null: any signed-in user), so the menu offers only pages the role may open; the
/// integration test walks every entry for every demo role.
/// </summary>
public static class NavGroups
{
    /// <summary>The roles whose home page is the situation view.</summary>
    public static readonly string[] SituationRoles = [Roles.CommandCentre, Roles.CountyWorker];

    public sealed record Entry(string Href, string TextKey, string? Policy);

    public sealed record Group(string Key, string TextKey, IReadOnlyList<Entry> Entries);

    public static IReadOnlyList<Group> All { get; } =
    [
        new("testing", "Cmd.Nav.Testing",
        [
            new("testing", "Cmd.Nav.Rounds", Permissions.ViewTesting),
            new("testing/points", "Cmd.Nav.Points", Permissions.ViewTesting),
            new("testing/results", "Cmd.Nav.Results", Permissions.RecordResults),
            new("testing/alerts", "Cmd.Nav.Alerts", Permissions.ViewTesting),
            new("closed-loops", "Cmd.Nav.ClosedLoops", Permissions.ViewClosedLoop),
        ]),
        new("cases", "Cmd.Nav.Cases",
        [
            new("cases", "Cmd.Nav.CaseList", Permissions.ViewCases),
            new("cases/positives", "Cmd.Nav.Positives", Permissions.ViewCases),
            new("contacts", "Cmd.Nav.Contacts", Permissions.ViewCases),
            new("investigations", "Cmd.Nav.Investigations", Permissions.ViewCases),
            new("clusters", "Cmd.Nav.Clusters", Permissions.ViewCases),
            new("reports/daily", "Cmd.Nav.Bulletin", Permissions.ViewBulletin),
            new("social-zero", "Cmd.Nav.SocialZero", Permissions.ViewSocialZero),
        ]),
        new("quarantine", "Cmd.Nav.Quarantine",
        [
            new("quarantine/sites", "Cmd.Nav.Sites", Permissions.ViewQuarantine),
            new("quarantine/queue", "Cmd.Nav.Queue", Permissions.ViewQuarantine),
            new("dispatch", "Cmd.Nav.Dispatch", Permissions.ViewTransfers),
            new("transfers/end-of-day", "Cmd.Nav.EndOfDay", Permissions.ViewTransfers),
            new("home-monitoring", "Cmd.Nav.HomeMonitoring", Permissions.ViewHomeMonitoring),
        ]),
        new("areas", "Cmd.Nav.Areas",
        [
            new("areas", "Cmd.Nav.AreaList", Permissions.ViewAreas),
            new("areas/map", "Cmd.Nav.AreaMap", Permissions.ViewAreas),
            new("infection-free", "Cmd.Nav.InfectionFree", Permissions.ViewInfectionFree),
            new("passes", "Cmd.Nav.Passes", Permissions.ViewPasses),
            new("checkpoints", "Cmd.Nav.Checkpoints", Permissions.ViewPasses),
        ]),
        new("livelihood", "Cmd.Nav.Livelihood",
        [
            new("requests", "Cmd.Nav.Requests", Permissions.ViewRequests),
            new("requests/dashboard", "Cmd.Nav.RequestsDashboard", Permissions.ViewRequests),
            new("requests/medical", "Cmd.Nav.Medical", Permissions.ViewRequests),
        ]),
        new("supervision", "Cmd.Nav.Supervision",
        [
            new("supervision", "Cmd.Nav.SupervisionHome", Permissions.ViewSupervision),
            new("findings", "Cmd.Nav.Findings", Permissions.ViewSupervision),
            new("inspections", "Cmd.Nav.Inspections", Permissions.ViewSupervision),
            new("accountability", "Cmd.Nav.Accountability", Permissions.ViewAccountability),
            new("supervision/bulletins", "Cmd.Nav.Publish", Permissions.ViewBulletin),
            new("audit", "Cmd.Nav.Audit", Permissions.ViewAudit),
        ]),
        new("registry", "Cmd.Nav.Registry",
        [
            new("regions", "Cmd.Nav.Regions", null),
            new("persons", "Cmd.Nav.Persons", Permissions.ViewPersons),
            new("places", "Cmd.Nav.Places", null),
            new("organisations", "Cmd.Nav.Organisations", null),
        ]),
    ];
}
