using System.CommandLine;
using Fangkong.Data;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary>What every data command does around its use case: a scope on the chosen database (migrated first when embedded), and one way to fail.</summary>
internal static class CommandScope
{
    /// <summary>Prints the failure on standard error and returns the exit code 1.</summary>
    public static int Fail(string message)
    {
        AnsiConsole.MarkupLine("[red]error:[/]");
        Console.Error.WriteLine(message);
        return 1;
    }

    public static async Task<int> RunAsync(ParseResult result, Func<IServiceProvider, FangkongDbContext, Task<int>> action, CancellationToken ct)
    {
        await using var services = CliServices.Build(GlobalOptions.Settings(result));
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateIfEmbeddedAsync(ct);
        return await action(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<FangkongDbContext>());
    }
}
