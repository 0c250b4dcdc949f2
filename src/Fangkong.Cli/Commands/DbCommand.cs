using System.CommandLine;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong db migrate [--to VERSION]</c>: applies the versioned migrations.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var to = new Option<string?>("--to") { Description = "Stop at this version (e.g. 0001_initial)" };
        var migrate = new Command("migrate", "Apply the database migrations that are missing") { to };
        migrate.SetAction(async (result, ct) =>
        {
            var settings = GlobalOptions.Settings(result);
            await using var services = CliServices.Build(settings);
            await using var scope = services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(result.GetValue(to), ct);
            AnsiConsole.MarkupLineInterpolated($"[green]{settings.Describe()}[/]: applied {applied.Count} migration(s){(applied.Count > 0 ? ": " + string.Join(", ", applied) : string.Empty)}.");
            if (result.GetValue(to) is null)
            {
                // Jilin ships with the product: a new database gets its regions at once.
                var regions = await EnsureReferenceData.EnsureJilinAsync(scope.ServiceProvider.GetRequiredService<FangkongDbContext>(), ct);
                if (regions > 0)
                {
                    AnsiConsole.MarkupLineInterpolated($"Loaded the {regions:N0} regions of Jilin province.");
                }
            }
            return 0;
        });
        return new Command("db", "Database administration") { migrate, DbVerifyAggregatesCommand.Create() };
    }
}
