using System.CommandLine;
using System.Globalization;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong persons import FILE.csv [--skip-invalid] [--encoding gbk]</c>: bulk import of residents with a progress bar.</summary>
internal static class PersonsCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "CSV (UTF-8, or GBK with --encoding gbk) with the header id_number,name,sex,birth_date,phone,region_code,compound,building,unit,room,household_no "
                + "(optional document_type, health_code; Chinese names such as 身份证号,姓名,性别 are accepted)",
        };
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = ErrorText.Of("cli.persons.skip-invalid"),
        };
        var encoding = EncodingOption.Create();
        var import = new Command("import", ErrorText.Of("cli.persons.import")) { file, skipInvalid, encoding };
        import.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!, csv => ImportAsync(result, csv, result.GetValue(skipInvalid), ct), ct));
        return new Command("persons", "人员 Residents") { import };
    }

    private static async Task<int> ImportAsync(ParseResult result, string csv, bool skipInvalid, CancellationToken ct)
    {
        var settings = GlobalOptions.Settings(result);
        await using var services = CliServices.Build(settings);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateIfEmbeddedAsync(ct);

        var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
        var command = new ImportPersons.Command(csv, skipInvalid);
        var outcome = await RunWithProgressAsync(db, command, ct);
        if (!outcome.IsSuccess)
        {
            AnsiConsole.MarkupLine("[red]导入失败 import refused:[/]");

            // Plain output: one error per line, not re-wrapped, so that it can be grepped.
            Console.WriteLine(outcome.Error!.Message);
            return 1;
        }

        Print(outcome.Value!);
        return 0;
    }

    // One pass: rows are validated and staged together; the bar follows the rows read.
    private static Task<Common.Result<ImportPersons.Report>> RunWithProgressAsync(FangkongDbContext db, ImportPersons.Command command, CancellationToken ct) =>
        ProgressBar.RunAsync("校验并导入 validating and loading", report => ImportPersons.HandleAsync(
            db,
            command,
            new ImmediateProgress<ImportPersons.Progress>(p => report(p.Rows, p.Total, string.Create(CultureInfo.InvariantCulture, $"校验并导入 validating and loading {p.Rows:N0} rows"))),
            ct));

    private static void Print(ImportPersons.Report report)
    {
        var load = report.Load;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[green]导入完成 imported:[/] 新增 inserted {load.Inserted:N0}, 更新 updated {load.Updated:N0}, 跳过 skipped {report.SkippedRows:N0} of {report.RowsRead:N0} rows");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"新建 created: 小区 compounds {load.CompoundsCreated:N0}, 楼栋 buildings {load.BuildingsCreated:N0}, 单元 units {load.UnitsCreated:N0}");
        AnsiConsole.MarkupLineInterpolated($"{ErrorText.Of("cli.persons.elapsed", report.Elapsed.TotalSeconds, report.RowsPerSecond, load.Elapsed.TotalSeconds)}");
        if (report.SkippedRows > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]{ErrorText.Of("cli.persons.skipped-rows", report.SkippedErrorCount)}[/]");
            foreach (var error in report.Skipped)
            {
                Console.WriteLine("  " + error);
            }

            if (report.SkippedErrorCount > report.Skipped.Count)
            {
                Console.WriteLine($"  … and {report.SkippedErrorCount - report.Skipped.Count} more");
            }
        }
    }
}
