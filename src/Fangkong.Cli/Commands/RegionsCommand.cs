using System.CommandLine;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong regions import|list|reporting-unit</c>: the region tree.</summary>
internal static class RegionsCommand
{
    public static Command Create() => new("regions", "Statistical divisions (the region tree)") { Import(), List(), ReportingUnit() };

    private static Command Import()
    {
        var province = new Option<string?>("--province") { Description = "Province code from the shipped national data (e.g. 22 or 220000; with --file, a filter)" };
        var file = new Option<string?>("--file") { Description = "A divisions file: lines code,\"name\" (csv or csv.gz)" };
        var import = new Command("import", "Load divisions; all or nothing, and again only what changed") { province, file };
        import.Validators.Add(r =>
        {
            if (r.GetValue(province) is null && r.GetValue(file) is null)
            {
                r.AddError("Give --province CODE or --file PATH.");
            }
        });
        import.SetAction(async (result, ct) =>
        {
            await using var services = CliServices.Build(GlobalOptions.Settings(result));
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<Migrator>().MigrateIfEmbeddedAsync(ct);
            var summary = await AnsiConsole.Status().StartAsync("Reading divisions…", _ =>
                ImportRegions.HandleAsync(sp.GetRequiredService<FangkongDbContext>(), new ImportRegions.Source(result.GetValue(file), result.GetValue(province)), ct));
            if (!summary.IsSuccess)
            {
                AnsiConsole.MarkupLine("[red]error:[/]");
                AnsiConsole.WriteLine(summary.Error!.Message);
                return 1;
            }

            var s = summary.Value!;
            AnsiConsole.MarkupLineInterpolated($"[green]{s.Read:N0}[/] regions read: {s.Added:N0} added, {s.Renamed:N0} renamed, {s.Unchanged:N0} unchanged ({s.Elapsed.TotalSeconds:F1} s).");
            return 0;
        });
        return import;
    }

    private static Command List()
    {
        var parent = new Option<string?>("--parent") { Description = "List the children of this region (default: the provinces)" };
        var list = new Command("list", "List a region's subdivisions") { parent };
        list.SetAction(async (result, ct) =>
        {
            await using var services = CliServices.Build(GlobalOptions.Settings(result));
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<Migrator>().MigrateIfEmbeddedAsync(ct);
            var view = await BrowseRegions.HandleAsync(sp.GetRequiredService<FangkongDbContext>(), result.GetValue(parent), ct);
            if (!view.IsSuccess)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {view.Error!.Message}");
                return 1;
            }

            var table = new Table().AddColumns("代码 Code", "名称 Name", "层级 Level", "人口 Residents");
            foreach (var child in view.Value!.Children)
            {
                table.AddRow(child.Code, child.Name, child.Level.ToString(), child.Population.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        });
        return list;
    }

    private static Command ReportingUnit()
    {
        var code = new Argument<string>("code") { Description = "A county-level city (6 digits), e.g. 220581 梅河口市" };
        var off = new Option<bool>("--off") { Description = "Report it under its prefecture-level city again" };
        var command = new Command("reporting-unit", "Make a county-level city report on its own bulletin line") { code, off };
        command.SetAction(async (result, ct) =>
        {
            await using var services = CliServices.Build(GlobalOptions.Settings(result));
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await sp.GetRequiredService<Migrator>().MigrateIfEmbeddedAsync(ct);
            var db = sp.GetRequiredService<FangkongDbContext>();
            var changed = await SetReportingUnit.HandleAsync(db, result.GetValue(code)!, !result.GetValue(off), ct);
            if (!changed.IsSuccess)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {changed.Error!.Message}");
                return 1;
            }

            var lines = await db.Regions.AsNoTracking().Where(r => r.IsReportingUnit).OrderBy(r => r.Code).Select(r => r.Code + " " + r.Name).ToListAsync(ct);
            AnsiConsole.MarkupLineInterpolated($"Reporting on their own line: {(lines.Count == 0 ? "(none)" : string.Join(", ", lines))}");
            return 0;
        });
        return command;
    }
}
