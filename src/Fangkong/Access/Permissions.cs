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
    };

    public static IReadOnlyCollection<string> All => RolesByPermission.Keys;

    public static IReadOnlyList<string> RolesFor(string permission) =>
        RolesByPermission.TryGetValue(permission, out var roles)
            ? roles
            : throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown permission.");
}
