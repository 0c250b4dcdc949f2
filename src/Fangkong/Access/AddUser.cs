using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Access;

/// <summary>
/// Creates a user with one role and a jurisdiction (a region that must exist). The caller may
/// only create users inside its own jurisdiction.
/// </summary>
public static class AddUser
{
    public const int MinPasswordLength = PasswordPolicy.MinLength;

    public sealed record Command(string UserName, string Password, string Role, string RegionCode, string? DisplayName);

    public sealed record Created(string Id, string UserName, string Role, string RegionCode, string RegionName);

    public static async Task<Result<Created>> HandleAsync(
        FangkongDbContext db, UserManager<FangkongUser> users, RoleManager<IdentityRole> roles, Command command, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(command.UserName))
        {
            return Error.Invalid("user", ErrorText.Of("error.access.user-name-required"));
        }

        if (Roles.Find(command.Role) is null)
        {
            return Error.Invalid("role", ErrorText.Of("error.access.not-a-role", command.Role, ErrorText.Plain(string.Join(", ", Roles.All.Select(r => r.Name)))));
        }

        var region = Regions.RegionCode.Normalise(command.RegionCode);
        if (region is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", command.RegionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        var regionName = await db.Regions.AsNoTracking().Where(r => r.Code == region).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (regionName is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.access.region-not-in-registry-import-first", region));
        }

        if (await users.FindByNameAsync(command.UserName) is not null)
        {
            return Error.Conflict(ErrorText.Of("error.access.user-already-exists", command.UserName));
        }

        if (!await roles.RoleExistsAsync(command.Role))
        {
            Check(await roles.CreateAsync(new IdentityRole(command.Role)), "role");
        }

        var user = new FangkongUser
        {
            UserName = command.UserName.Trim(),
            RegionCode = region,
            DisplayName = string.IsNullOrWhiteSpace(command.DisplayName) ? command.UserName.Trim() : command.DisplayName.Trim(),
        };

        // User, password and role are one change: a user without a role must not be left behind.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, command.Password);
        if (!created.Succeeded)
        {
            return Error.Invalid("password", Describe(created));
        }

        var added = await users.AddToRoleAsync(user, command.Role);
        if (!added.Succeeded)
        {
            return Error.Invalid("role", Describe(added));
        }

        await transaction.CommitAsync(ct);
        return new Created(user.Id, user.UserName, command.Role, region, regionName);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the {what}: {Describe(result)}");
        }
    }

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
