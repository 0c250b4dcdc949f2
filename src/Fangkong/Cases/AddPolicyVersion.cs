using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// An administrator adds a plan version (e.g. a province's own tightening from a date). Old
/// versions stay: decisions made under them keep pointing at them.
/// </summary>
public static class AddPolicyVersion
{
    /// <param name="AreaScheme">The area scheme of the version; the 2021 sealed/controlled/precaution scheme unless given (it used to be dropped).</param>
    /// <param name="Extra">Contact release rules and both area schemes at once (issue 15, rules 4 and 6); none unless given.</param>
    public sealed record Command(
        string Code, string Name, string? RegionPrefix, DateOnly EffectiveFrom, PolicyVersion.Terms Terms, AreaPoolSizes? PoolSizes = null,
        AreaScheme? AreaScheme = null, PolicyVersion.ExtraTerms? Extra = null);

    public static async Task<Result<PolicyVersion>> HandleAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var created = PolicyVersion.Create(command.Code, command.Name, command.RegionPrefix ?? string.Empty, command.EffectiveFrom, command.Terms,
            command.AreaScheme ?? AreaScheme.SealedControlled, command.PoolSizes, command.Extra);
        if (!created.IsSuccess)
        {
            return created;
        }

        var version = created.Value!;
        if (!db.Jurisdiction.Covers(version.RegionPrefix))
        {
            return Error.Forbidden(ErrorText.Of("error.cases.region-outside-jurisdiction", version.RegionPrefix));
        }

        if (await db.PolicyVersions.AnyAsync(v => v.Code == version.Code, ct))
        {
            return Error.Conflict(ErrorText.Of("error.cases.policy-version-already-exists", version.Code));
        }

        db.PolicyVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return version;
    }
}
