using Fangkong.Common;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Fangkong.Cases.Clusters;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong clusters ...</c>: detection of clusters (聚集性疫情) and their list.</summary>
internal static class ClustersCommand
{
    public static Command Create() => new("clusters", "聚集性疫情 Clusters of cases linked through a place or a household") { DetectCommand(), ListCommand() };

    private static Command DetectCommand()
    {
        var date = new Option<string>("--date") { Description = "As of this day, YYYY-MM-DD (default: today in China)" };
        var window = new Option<int?>("--window-days") { Description = "Links at most this many days apart join their cases (default: Clusters:WindowDays)" };
        var min = new Option<int?>("--min-cases") { Description = "Smallest cluster (default: Clusters:MinCases)" };
        var command = new Command("detect", ErrorText.Of("cli.clusters.detect")) { date, window, min };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var today = ChinaTime.Today(sp.GetRequiredService<TimeProvider>());
            var day = DetectClusters.ParseDate(result.GetValue(date), today);
            if (!day.IsSuccess)
            {
                return CommandScope.Fail(day.Error!.Message);
            }

            var detected = await DetectClusters.HandleAsync(db, new DetectClusters.Command(day.Value, Configured(sp.GetRequiredService<ClusterSettings>(), result.GetValue(window), result.GetValue(min))), ct);
            if (!detected.IsSuccess)
            {
                return CommandScope.Fail(detected.Error!.Message);
            }

            var d = detected.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{d.AsOf:yyyy-MM-dd}: [green]{d.Formed:N0} formed[/], {d.Grew:N0} grew, {d.Merged:N0} merged, {d.Unchanged:N0} unchanged; {d.CasesAdded:N0} cases added, {d.HouseholdLinksAdded:N0} household links derived");
            return 0;
        }, ct));
        return command;
    }

    private static Command ListCommand()
    {
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        var kind = new Option<string?>("--place-kind") { Description = "hospital, nursingHome, school, enterprise, ..." };
        var region = new Option<string?>("--region") { Description = "Region code prefix" };
        var command = new Command("list", "聚集性疫情列表 List active clusters, latest first") { format, kind, region };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            var rows = new List<ListClusters.Row>();
            for (var page = 1; ; page++)
            {
                var listed = await ListClusters.HandleAsync(db, new ListClusters.Query(result.GetValue(kind), null, result.GetValue(region), page, Common.Page<ListClusters.Row>.MaxSize), ct);
                if (!listed.IsSuccess)
                {
                    return CommandScope.Fail(listed.Error!.Message);
                }

                rows.AddRange(listed.Value!.Items);
                if (page >= listed.Value.PageCount)
                {
                    break;
                }
            }

            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(rows, CasesCommand.Json));
                return 0;
            }

            var table = new Table().AddColumns("id", "region", "place", "kind", "nosocomial", "supervised", "cases", "first", "last");
            foreach (var r in rows)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture), r.RegionCode, Markup.Escape(r.PlaceName ?? r.HouseholdNo ?? string.Empty), r.PlaceKind?.ToString() ?? "household",
                    r.IsNosocomial ? "yes" : string.Empty, r.NeedsSupervision ? "yes" : string.Empty, r.CaseCount.ToString(CultureInfo.InvariantCulture),
                    r.FirstCaseOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.LastCaseOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            return 0;
        }, ct));
        return command;
    }

    /// <summary>The configured settings (Clusters section), with the flags given on top.</summary>
    private static ClusterSettings Configured(ClusterSettings configured, int? windowDays, int? minCases) =>
        configured with { WindowDays = windowDays ?? configured.WindowDays, MinCases = minCases ?? configured.MinCases };
}
