using System.CommandLine;
using Fangkong.Access;
using Fangkong.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong users add NAME --role ROLE --region CODE [--password P]</c>: accounts for the web.</summary>
internal static class UsersCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Sign-in name" };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All.Select(r => r.Name))}", Required = true };
        var region = new Option<string>("--region") { Description = "Region code of the user's jurisdiction (e.g. 220204)", Required = true };
        var password = new Option<string?>("--password")
        {
            Description = $"At least {AddUser.MinPasswordLength} characters, not the user name, not a common password (default: ${PasswordVariable})",
        };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the UI (e.g. 张伟（船营区）)" };
        var add = new Command("add", "Create a user with one role and a jurisdiction") { name, role, region, password, displayName };
        add.SetAction(async (result, ct) =>
        {
            var secret = result.GetValue(password) ?? Environment.GetEnvironmentVariable(PasswordVariable);
            if (string.IsNullOrEmpty(secret))
            {
                AnsiConsole.MarkupLine($"[red]error:[/] give --password or set {PasswordVariable}.");
                return 1;
            }

            await using var services = CliServices.Build(GlobalOptions.Settings(result));
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<Migrator>().MigrateIfEmbeddedAsync(ct);
            var created = await AddUser.HandleAsync(
                sp.GetRequiredService<FangkongDbContext>(),
                sp.GetRequiredService<UserManager<FangkongUser>>(),
                sp.GetRequiredService<RoleManager<IdentityRole>>(),
                new AddUser.Command(result.GetValue(name)!, secret, result.GetValue(role)!, result.GetValue(region)!, result.GetValue(displayName)),
                ct);
            if (!created.IsSuccess)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {(created.Error!.Field is { } f ? f + ": " : string.Empty)}{created.Error.Message}");
                return 1;
            }

            var u = created.Value!;
            AnsiConsole.MarkupLineInterpolated($"[green]created[/] {u.UserName} ({u.Role}) for {u.RegionName} {u.RegionCode}");
            return 0;
        });
        return new Command("users", "User accounts") { add };
    }

    private const string PasswordVariable = "FANGKONG_PASSWORD";
}
