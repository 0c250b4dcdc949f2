using System.CommandLine;
using System.Globalization;
using Fangkong.Cases.Investigation;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong checkins ...</c>: place-code scans (场所码扫码) for the contact search of investigations.</summary>
internal static class CheckinsCommand
{
    public static Command Create() => new("checkins", "场所码扫码 Place check-ins") { ImportCommand() };

    private static Command ImportCommand()
    {
        var file = new Argument<string>("file") { Description = "CSV: id_number,place_code_or_id,checked_in_at (time without offset = China Standard Time)" };
        var encoding = EncodingOption.Create();
        var command = new Command("import", ErrorText.Of("cli.checkins.import")) { file, encoding };
        command.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!, csv => CommandScope.RunAsync(result, async (_, db) =>
        {
            var imported = await ImportCheckIns.HandleAsync(db, csv, ct);
            if (!imported.IsSuccess)
            {
                return CommandScope.Fail(imported.Error!.Message);
            }

            var r = imported.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{r.Rows:N0} rows: [green]{r.Added:N0} added[/], {r.AlreadyStored:N0} already stored");
            return 0;
        }, ct), ct));
        return command;
    }
}
