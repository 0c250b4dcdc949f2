using System.CommandLine;
using System.Globalization;
using Fangkong.Quarantine.Allocation;
using Fangkong.Quarantine.Capacity;
using Fangkong.Quarantine.Sites;
using Microsoft.Extensions.DependencyInjection;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>fangkong quarantine ...</c>: import sites from CSV, run the allocation, show capacity and the
/// forecast, check the placements. Runs as the console operator (whole jurisdiction).
/// </summary>
internal static class QuarantineCommand
{
    public static Command Create() => new("quarantine", "隔离点、床位与分配 Quarantine sites, beds and allocation")
    {
        SitesCommand(), AllocateCommand(), CapacityCommand(), CheckCommand(),
    };

    private static Command SitesCommand()
    {
        var file = new Argument<FileInfo>("csv") { Description = "name,kind,region_code,address,latitude,longitude,staff,contact_name,contact_phone,sections,per_section,multi_rooms,multi_capacity,accessible_rooms" };
        var encoding = EncodingOption.Create();
        var import = new Command("import", ErrorText.Of("cli.quarantine.sites-import")) { file, encoding };
        import.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!.FullName, csv => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var imported = await ImportSites.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), csv, ct);
            if (!imported.IsSuccess)
            {
                return CommandScope.Fail(imported.Error!.Message);
            }

            var s = imported.Value!;
            Console.WriteLine(ErrorText.Of("cli.quarantine.sites-imported", s.Rows, s.Created, s.Spaces, s.AlreadyThere).Render());
            return 0;
        }, ct), ct));
        return new Command("sites", "隔离点与医院 Sites and hospitals") { import };
    }

    private static Command AllocateCommand()
    {
        var command = new Command("allocate", ErrorText.Of("cli.quarantine.allocate"));
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var run = await RunAllocation.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), ct);
            if (!run.IsSuccess)
            {
                return CommandScope.Fail(run.Error!.Message);
            }

            var r = run.Value!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {r.RunId}: {r.Waiting} 待分配 waiting, {r.Placed} 已安置 placed, {r.Unplaced} 未安置 unplaced in {r.Seconds:F2} s{(r.Summary.Length > 0 ? " — " + r.Summary : string.Empty)}"));
            return 0;
        }, ct));
        return command;
    }

    private static Command CapacityCommand()
    {
        var command = new Command("capacity", "容量与三日预测 Rooms and beds by city, three-day forecast and warnings, county norms");
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var view = await ForecastCapacity.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), ct: ct);
            foreach (var c in view.Cities)
            {
                var f = c.Forecast;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{c.CityName ?? c.CityCode} {c.CityCode}: rooms {c.Rooms} (free {c.FreeRooms}, occupied {c.OccupiedRooms}, awaiting disinfection {c.AwaitingDisinfection}, out of service {c.OutOfService}), waiting {c.WaitingForRooms}; shelter beds {c.FreeShelterBeds}/{c.ShelterBeds}, designated beds {c.FreeDesignatedBeds}/{c.DesignatedBeds}, waiting {c.WaitingForBeds}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  forecast: {f.CasesPerDay} cases/day, growth {f.Growth}, {f.ContactsPerCase} contacts/case; room balance {string.Join(" / ", f.Days.Select(d => d.RoomBalance))}{(f.PeopleWaitForRooms ? "  人等房间 PEOPLE WILL WAIT FOR ROOMS" : string.Empty)}{(f.PeopleWaitForBeds ? "  人等床位 PEOPLE WILL WAIT FOR BEDS" : string.Empty)}"));
            }

            foreach (var n in view.Counties.Where(n => n.BelowNorm))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n.CountyName ?? n.CountyCode} {n.CountyCode}: {n.Rooms} rooms < {n.Required} required ({view.RoomsPer10000} per 10,000 of {n.Population:N0}) 未达标"));
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command CheckCommand()
    {
        var command = new Command("check", "检查安置规则 Check every active placement against the rules; exit 1 when any is broken");
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            var violations = await PlacementChecker.CheckAsync(db, ct);
            foreach (var v in violations)
            {
                Console.WriteLine(v);
            }

            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{violations.Count} violations"));
            return violations.Count == 0 ? 0 : 1;
        }, ct));
        return command;
    }
}
