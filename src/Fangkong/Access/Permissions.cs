namespace Fangkong.Access;

/// <summary>
/// What each role may do, in one table, so that the web host's policies and the tests read
/// the same rules. Jurisdiction (which region) is checked separately, by the DbContext.
/// </summary>
public static class Permissions
{
    /// <summary>Search and open residents' records.</summary>
    public const string ViewPersons = "view-persons";

    /// <summary>Change a resident's health-code colour.</summary>
    public const string EditHealthCode = "edit-health-code";

    /// <summary>Create user accounts within the caller's jurisdiction.</summary>
    public const string ManageUsers = "manage-users";

    /// <summary>See testing rounds, coverage and the positive-pool board.</summary>
    public const string ViewTesting = "view-testing";

    /// <summary>Start a testing round over a region.</summary>
    public const string ManageRounds = "manage-rounds";

    /// <summary>Record swabs at a sampling point.</summary>
    public const string RecordSamples = "record-samples";

    /// <summary>Register sampling points with their hours and samplers.</summary>
    public const string ManageSamplingPoints = "manage-sampling-points";

    /// <summary>Record lab results.</summary>
    public const string RecordResults = "record-results";

    /// <summary>See cases, asymptomatic infections and contacts.</summary>
    public const string ViewCases = "view-cases";

    /// <summary>Import line lists and contacts, judge release.</summary>
    public const string ManageCases = "manage-cases";

    /// <summary>Read the daily bulletin.</summary>
    public const string ViewBulletin = "view-bulletin";

    /// <summary>See passes, checkpoints, the scan log and abuse flags.</summary>
    public const string ViewPasses = "view-passes";

    /// <summary>Apply for a movement pass for a unit.</summary>
    public const string ApplyPasses = "apply-passes";

    /// <summary>Approve, reject and revoke passes, set quotas and checkpoints.</summary>
    public const string ApprovePasses = "approve-passes";

    /// <summary>Scan passes at a checkpoint.</summary>
    public const string ScanPasses = "scan-passes";

    /// <summary>See accountability cases and public notices.</summary>
    public const string ViewAccountability = "view-accountability";

    /// <summary>Open, edit and decide accountability cases; compose public notices.</summary>
    public const string ManageAccountability = "manage-accountability";

    /// <summary>See inspections, findings, notices and the supervision dashboard.</summary>
    public const string ViewSupervision = "view-supervision";

    /// <summary>Plan and conduct inspections, raise findings from complaints.</summary>
    public const string ConductInspections = "conduct-inspections";

    /// <summary>Edit the checklist templates (a new version each time).</summary>
    public const string ManageChecklists = "manage-checklists";

    /// <summary>Report a rectification and attach evidence, for the responsible unit.</summary>
    public const string RectifyFindings = "rectify-findings";

    /// <summary>Publish the daily bulletin (frozen once published).</summary>
    public const string PublishBulletin = "publish-bulletin";

    private static readonly Dictionary<string, string[]> RolesByPermission = new(StringComparer.Ordinal)
    {
        // Lab staff work with tubes and barcodes, inspectors with officials and findings: neither needs the resident register.
        [ViewPersons] =
        [
            Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Sampler, Roles.Investigator,
            Roles.QuarantineStaff, Roles.Dispatcher, Roles.CheckpointOfficer,
        ],
        [EditHealthCode] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker],
        [ManageUsers] = [Roles.Administrator, Roles.CommandCentre],
        [ViewTesting] =
        [
            Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Sampler, Roles.LabStaff, Roles.Investigator,
            Roles.QuarantineStaff, Roles.Dispatcher, Roles.Inspector,
        ],
        [ManageRounds] = [Roles.CommandCentre, Roles.CountyWorker],
        [RecordSamples] = [Roles.Sampler, Roles.CommunityWorker, Roles.CountyWorker, Roles.CommandCentre],
        [RecordResults] = [Roles.LabStaff, Roles.CommandCentre],
        [ManageSamplingPoints] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker],
        [ViewCases] = [Roles.CommandCentre, Roles.CountyWorker, Roles.Investigator, Roles.QuarantineStaff, Roles.Inspector],
        [ManageCases] = [Roles.CommandCentre, Roles.Investigator],
        // The bulletin is published; samplers, labs and checkpoints need no early copy.
        [ViewBulletin] =
        [
            Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Investigator, Roles.QuarantineStaff, Roles.Dispatcher, Roles.Inspector,
            Roles.Administrator,
        ],
        [ViewPasses] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.CheckpointOfficer, Roles.Inspector],
        [ApplyPasses] = [Roles.CommunityWorker, Roles.CountyWorker, Roles.CommandCentre],
        [ApprovePasses] = [Roles.CommandCentre, Roles.CountyWorker],
        [ScanPasses] = [Roles.CheckpointOfficer],
        // Accountability is the discipline inspectors' work; the command centre follows what was decided.
        [ViewAccountability] = [Roles.Inspector, Roles.CommandCentre],
        [ManageAccountability] = [Roles.Inspector],
        [ViewSupervision] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Inspector],
        [ConductInspections] = [Roles.Inspector, Roles.CommandCentre],
        [ManageChecklists] = [Roles.CommandCentre],
        [RectifyFindings] = [Roles.CommunityWorker, Roles.CountyWorker, Roles.CommandCentre],
        [PublishBulletin] = [Roles.CommandCentre],
    };

    public static IReadOnlyCollection<string> All => RolesByPermission.Keys;

    public static IReadOnlyList<string> RolesFor(string permission) =>
        RolesByPermission.TryGetValue(permission, out var roles)
            ? roles
            : throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown permission.");
}
