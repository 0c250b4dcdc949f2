namespace Fangkong.Access;

/// <summary>The roles of Fangkong, with their Chinese names and whether they need full identity numbers.</summary>
public static class Roles
{
    public const string CommandCentre = "command-centre";
    public const string CountyWorker = "county-worker";
    public const string CommunityWorker = "community-worker";
    public const string Sampler = "sampler";
    public const string LabStaff = "lab-staff";
    public const string Investigator = "investigator";
    public const string QuarantineStaff = "quarantine-staff";
    public const string Dispatcher = "dispatcher";
    public const string CheckpointOfficer = "checkpoint-officer";
    public const string Inspector = "inspector";
    public const string Administrator = "administrator";

    public static IReadOnlyList<RoleInfo> All { get; } =
    [
        new(CommandCentre, "指挥部", "Command centre", SeesFullIdentity: true),
        new(CountyWorker, "区县工作人员", "County worker", SeesFullIdentity: false),
        // Community workers must phone the residents not yet swabbed (the door-to-door list).
        new(CommunityWorker, "社区工作人员", "Community worker", SeesFullIdentity: false) { CallsResidents = true },
        new(Sampler, "采样人员", "Sampler", SeesFullIdentity: false),
        new(LabStaff, "检测机构人员", "Lab staff", SeesFullIdentity: false) { SeesResidentDetails = false },
        // Investigators must reach contacts by phone and match identities across sources.
        new(Investigator, "流调人员", "Epidemiological investigator", SeesFullIdentity: true),
        new(QuarantineStaff, "隔离点工作人员", "Quarantine-site staff", SeesFullIdentity: true),
        new(Dispatcher, "转运调度", "Transfer dispatcher", SeesFullIdentity: false),
        new(CheckpointOfficer, "卡点值守人员", "Checkpoint officer", SeesFullIdentity: false),
        new(Inspector, "纪检监察人员", "Discipline inspector", SeesFullIdentity: false) { SeesResidentDetails = false },
        new(Administrator, "系统管理员", "Administrator", SeesFullIdentity: false) { SeesResidentDetails = false },
    ];

    public static RoleInfo? Find(string name) => All.FirstOrDefault(r => r.Name == name);
}

/// <summary>A role's name, its Chinese and English titles, and whether it needs full identities.</summary>
public sealed record RoleInfo(string Name, string TitleZh, string TitleEn, bool SeesFullIdentity)
{
    /// <summary>Whether the role's lists of residents show names, addresses and notes (<see cref="Jurisdiction.SeesResidentDetails"/>).</summary>
    public bool SeesResidentDetails { get; init; } = true;

    /// <summary>Whether the role phones the residents not yet swabbed (<see cref="Jurisdiction.CallsResidents"/>).</summary>
    public bool CallsResidents { get; init; }
}
