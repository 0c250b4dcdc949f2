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

    /// <summary>See quarantine sites, occupancy, capacity forecast and the allocation queue.</summary>
    public const string ViewQuarantine = "view-quarantine";

    /// <summary>Register quarantine sites and hospitals with their rooms and beds.</summary>
    public const string ManageQuarantineSites = "manage-quarantine-sites";

    /// <summary>Run the allocation of rooms and beds (a city-level job: nearest site in the city).</summary>
    public const string RunAllocation = "run-allocation";

    /// <summary>Send pool members to central quarantine; declare dependants sharing a carer's room.</summary>
    public const string DecideQuarantine = "decide-quarantine";

    /// <summary>See the dispatch board, the end-of-day waiting list, timelines and room turnover.</summary>
    public const string ViewTransfers = "view-transfers";

    /// <summary>Open transfers, register vehicles, dispatch batches, record pick-up and arrival.</summary>
    public const string DispatchTransfers = "dispatch-transfers";

    /// <summary>Check people in at a site, record their tests, release them, record disinfection.</summary>
    public const string ManageStay = "manage-stay";

    /// <summary>See people under home quarantine or health monitoring and their check-ins.</summary>
    public const string ViewHomeMonitoring = "view-home-monitoring";

    /// <summary>Record home check-ins and breaches, open watches from home orders.</summary>
    public const string RecordHomeMonitoring = "record-home-monitoring";
    /// <summary>See closed loops, their members' test compliance and breaches.</summary>
    public const string ViewClosedLoop = "view-closed-loop";

    /// <summary>Set up closed loops, add members, detect breaches.</summary>
    public const string ManageClosedLoop = "manage-closed-loop";

    /// <summary>See the social-zero series and case classifications (no personal data).</summary>
    public const string ViewSocialZero = "view-social-zero";

    /// <summary>Set the population a social-zero rate divides by.</summary>
    public const string ManageSocialZero = "manage-social-zero";

    /// <summary>See infection-free compounds and villages and removal notices.</summary>
    public const string ViewInfectionFree = "view-infection-free";

    /// <summary>Apply, review or register a label; the level of the caller's jurisdiction decides which step.</summary>
    public const string ManageInfectionFree = "manage-infection-free";

    /// <summary>See area designations, their history and the proposals.</summary>
    public const string ViewAreas = "view-areas";

    /// <summary>Run the daily area evaluation (writes proposals only).</summary>
    public const string ManageAreas = "manage-areas";

    /// <summary>Approve or reject proposed area changes and designate areas directly.</summary>
    public const string ApproveAreas = "approve-areas";
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

    /// <summary>See residents' requests, the trips to hospital and the requests dashboard.</summary>
    public const string ViewRequests = "view-requests";

    /// <summary>Take requests for residents, place, assign, work, resolve and return them.</summary>
    public const string HandleRequests = "handle-requests";

    /// <summary>Post 12345 hotline tickets (the hotline system's account) and import their files.</summary>
    public const string ReceiveHotline = "receive-hotline";

    /// <summary>Open trips to hospital for medical-care requests and record dispatch, arrival and admission.</summary>
    public const string DispatchMedical = "dispatch-medical";

    /// <summary>Read and export the audit log (its own reads are audited too).</summary>
    public const string ViewAudit = "view-audit";

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
        [ViewQuarantine] = [Roles.CommandCentre, Roles.CountyWorker, Roles.QuarantineStaff, Roles.Dispatcher],
        [ManageQuarantineSites] = [Roles.CommandCentre, Roles.CountyWorker, Roles.QuarantineStaff],
        [RunAllocation] = [Roles.CommandCentre, Roles.Dispatcher],
        [DecideQuarantine] = [Roles.CommandCentre, Roles.CountyWorker, Roles.Investigator],

        [ViewTransfers] = [Roles.CommandCentre, Roles.CountyWorker, Roles.Dispatcher, Roles.QuarantineStaff, Roles.Inspector],
        [DispatchTransfers] = [Roles.Dispatcher, Roles.CommandCentre],
        [ManageStay] = [Roles.QuarantineStaff, Roles.CommandCentre],
        [ViewHomeMonitoring] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.QuarantineStaff, Roles.Inspector],
        // The community knocks on the door; the county and the command centre may correct.
        [RecordHomeMonitoring] = [Roles.CommunityWorker, Roles.CountyWorker, Roles.CommandCentre],
        [ViewClosedLoop] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Inspector],
        [ManageClosedLoop] = [Roles.CommandCentre, Roles.CountyWorker],
        [ViewSocialZero] =
        [
            Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Investigator, Roles.QuarantineStaff, Roles.Dispatcher, Roles.Inspector,
        ],
        [ManageSocialZero] = [Roles.CommandCentre, Roles.CountyWorker],
        [ViewInfectionFree] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Inspector],
        [ManageInfectionFree] = [Roles.CountyWorker, Roles.CommunityWorker],
        [ViewAreas] =
        [
            Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Investigator, Roles.QuarantineStaff, Roles.Dispatcher,
            Roles.CheckpointOfficer, Roles.Inspector,
        ],
        [ManageAreas] = [Roles.CommandCentre, Roles.CountyWorker],
        // A designation is the command's decision: community workers propose nothing and approve nothing.
        [ApproveAreas] = [Roles.CommandCentre, Roles.CountyWorker],
        // Accountability is the discipline inspectors' work; the command centre follows what was decided.
        [ViewAccountability] = [Roles.Inspector, Roles.CommandCentre],
        [ManageAccountability] = [Roles.Inspector],
        [ViewSupervision] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Inspector],
        [ConductInspections] = [Roles.Inspector, Roles.CommandCentre],
        [ManageChecklists] = [Roles.CommandCentre],
        [RectifyFindings] = [Roles.CommunityWorker, Roles.CountyWorker, Roles.CommandCentre],
        [PublishBulletin] = [Roles.CommandCentre],
        // Residents' requests are the community's work, watched by the county and the command centre;
        // inspectors follow complaints about staff (masked names), dispatchers drive patients to hospital.
        [ViewRequests] = [Roles.CommandCentre, Roles.CountyWorker, Roles.CommunityWorker, Roles.Dispatcher, Roles.Inspector],
        [HandleRequests] = [Roles.CommunityWorker, Roles.CountyWorker, Roles.CommandCentre],
        // The 12345 centre's system signs in with a county or city account of its own.
        [ReceiveHotline] = [Roles.CountyWorker, Roles.CommandCentre],
        [DispatchMedical] = [Roles.Dispatcher, Roles.CommunityWorker, Roles.CountyWorker, Roles.CommandCentre],
        // Discipline inspectors watch how officials use personal data; administrators run the system.
        [ViewAudit] = [Roles.Inspector, Roles.Administrator],
    };

    public static IReadOnlyCollection<string> All => RolesByPermission.Keys;

    public static IReadOnlyList<string> RolesFor(string permission) =>
        RolesByPermission.TryGetValue(permission, out var roles)
            ? roles
            : throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown permission.");
}
