using System.CommandLine;
using System.Globalization;
using Fangkong.Cases;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong contacts ...</c>: close and secondary contacts.</summary>
internal static class ContactsCommand
{
    public static Command Create() => new("contacts", "密接 Close and secondary contacts") { ImportCommand() };

    private static Command ImportCommand()
    {
        var file = new Argument<string>("file") { Description = "CSV: contact_no,kind,source_case_no,source_contact_no,id_number,name,region_code,exposure_on,identified_on,released_on" };
        var encoding = EncodingOption.Create();
        var command = new Command("import", ErrorText.Of("cli.contacts.import")) { file, encoding };
        command.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!, csv => CommandScope.RunAsync(result, async (_, db) =>
        {
            var imported = await ImportContacts.HandleAsync(db, csv, ct);
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
