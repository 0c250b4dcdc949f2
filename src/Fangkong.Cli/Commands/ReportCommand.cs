using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Fangkong.Cases;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong report daily</c>: the day's bulletin as the Health Commission publishes it, or its figures as JSON.</summary>
internal static class ReportCommand
{
    public static Command Create() => new("report", "通报 Reports") { DailyCommand() };

    private static Command DailyCommand()
    {
        var date = new Option<string>("--date") { Description = "The day, YYYY-MM-DD", Required = true };
        var region = new Option<string>("--region") { Description = "A province, city or county code, e.g. 22", Required = true };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        var lang = new Option<string>("--lang") { Description = "zh or en (text only; JSON carries both)", DefaultValueFactory = _ => "zh" };
        var command = new Command("daily", "每日疫情通报 The daily bulletin") { date, region, format, lang };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            if (!DateOnly.TryParseExact(result.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return CommandScope.Fail($"--date「{result.GetValue(date)}」应为 YYYY-MM-DD (--date must be YYYY-MM-DD).");
            }

            if (result.GetValue(format) is not ("text" or "json") || result.GetValue(lang) is not ("zh" or "en"))
            {
                return CommandScope.Fail("--format 应为 text 或 json，--lang 应为 zh 或 en (--format is text or json, --lang zh or en).");
            }

            var bulletin = await BuildDailyBulletin.HandleAsync(db, result.GetValue(region), day, ct);
            if (!bulletin.IsSuccess)
            {
                return CommandScope.Fail(bulletin.Error!.Message);
            }

            Console.WriteLine(result.GetValue(format) == "json"
                ? JsonSerializer.Serialize(BulletinJson.From(bulletin.Value!), CasesCommand.Json)
                : result.GetValue(lang) == "en" ? BulletinTextEn.Render(bulletin.Value!) : BulletinTextZh.Render(bulletin.Value!));
            return 0;
        }, ct));
        return command;
    }
}
