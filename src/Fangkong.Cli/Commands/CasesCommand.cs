using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fangkong.Cases;
using Fangkong.Data;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong cases ...</c>: the line list of confirmed cases and asymptomatic infections.</summary>
internal static class CasesCommand
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create() => new("cases", "病例 Confirmed cases and asymptomatic infections") { ImportCommand() };

    private static Command ImportCommand()
    {
        var file = new Argument<string>("file") { Description = "CSV: case_no,name,id_number,region_code,type,severity,reported_on,converted_from,outcome,outcome_on" };
        var encoding = EncodingOption.Create();
        var command = new Command("import", ErrorText.Of("cli.cases.import")) { file, encoding };
        command.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!, csv => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var imported = await ImportCases.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), csv, ct);
            if (!imported.IsSuccess)
            {
                return CommandScope.Fail(imported.Error!.Message);
            }

            var r = imported.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{r.Rows:N0} rows: [green]{r.Added:N0} added[/], {r.Updated:N0} updated, {r.Unchanged:N0} unchanged");
            return 0;
        }, ct), ct));
        return command;
    }
}
