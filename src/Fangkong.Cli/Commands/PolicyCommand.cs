using System.CommandLine;
using System.Globalization;
using Fangkong.Cases;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong policy ...</c>: the plan versions (防控方案) as data; adding one keeps the old ones.</summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", "防控方案版本 Plan versions") { ListCommand(), AddCommand() };

    private static Command ListCommand()
    {
        var command = new Command("list", "List every version, oldest first");
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            // Plain lines, not a table: the terms are long and a narrow terminal would wrap them unreadably.
            foreach (var v in await PolicyVersions.ListAsync(db, ct))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{v.Id}\t{v.Code}\t{v.Name}\t{(v.RegionPrefix.Length == 0 ? "全国" : v.RegionPrefix)}\tfrom {v.EffectiveFrom:yyyy-MM-dd}\tlook-back {v.LookBackDays}d\t" +
                    $"close: {Describe(v.OrderFor(ContactKind.Close))}\tsecondary: {Describe(v.OrderFor(ContactKind.Secondary))}\t" +
                    $"release: Ct≥{v.ReleaseMinCt} ×{v.ReleaseConsecutiveTests} ≥{v.ReleaseIntervalHours}h +{v.ReleaseHomeMonitoringDays}d home\tinvestigation {v.InvestigationDeadlineHours}h\t" +
                    $"{ContactRules(v)}\tareas: {string.Join('+', v.AreaSchemes())}\tpools {v.PoolSizeSealed}/{v.PoolSizeControlled}/{v.PoolSizeElsewhere}"));
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command AddCommand()
    {
        var code = new Option<string>("--code") { Description = "Unique code, e.g. jilin-2022-04", Required = true };
        var name = new Option<string>("--name") { Description = "Name, e.g. 吉林省加严措施", Required = true };
        var region = new Option<string?>("--region") { Description = "Region prefix (default: the whole country)" };
        var from = new Option<string>("--from") { Description = "Effective from, YYYY-MM-DD", Required = true };
        var basedOn = new Option<string?>("--based-on") { Description = "Copy the terms of this version, then apply the options below", DefaultValueFactory = _ => PolicyVersions.Ninth };
        var lookBack = new Option<int?>("--look-back-days");
        var closeCentral = new Option<int?>("--close-central-days");
        var closeHome = new Option<int?>("--close-home-days");
        var closeTests = new Option<string?>("--close-test-days") { Description = "Central-phase test days, e.g. 1,4,7,14" };
        var closeHomeTests = new Option<string?>("--close-home-test-days");
        var secondaryCentral = new Option<int?>("--secondary-central-days");
        var secondaryHome = new Option<int?>("--secondary-home-days");
        var secondaryTests = new Option<string?>("--secondary-test-days");
        var secondaryHomeTests = new Option<string?>("--secondary-home-test-days");
        var deadline = new Option<int?>("--investigation-hours");
        var dual = new Option<bool?>("--dual-sampling") { Description = "Dual sampling, two labs (双采双检), before a close contact's release: true or false" };
        var early = new Option<int?>("--secondary-early-release-tests") { Description = "Release a secondary contact once its close contact's first N tests are negative (0 = not early)" };
        var scheme = new Option<AreaScheme?>("--area-scheme") { Description = "SealedControlled (三区) or RiskLevels (高中低风险)" };
        var bothSchemes = new Option<bool?>("--both-area-schemes") { Description = "Both area schemes may be designated at once (true/false)" };
        var command = new Command("add", "Add a version (administrator); old versions stay")
        {
            code, name, region, from, basedOn, lookBack, closeCentral, closeHome, closeTests, closeHomeTests, secondaryCentral, secondaryHome, secondaryTests, secondaryHomeTests, deadline,
            dual, early, scheme, bothSchemes,
        };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            if (!DateOnly.TryParseExact(result.GetValue(from), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
            {
                return CommandScope.Fail("--from 应为 YYYY-MM-DD (--from must be YYYY-MM-DD).");
            }

            var versions = await PolicyVersions.ListAsync(db, ct);
            var basis = versions.FirstOrDefault(v => v.Code == result.GetValue(basedOn));
            if (basis is null)
            {
                return CommandScope.Fail(ErrorText.Of("cli.policy.unknown-version", result.GetValue(basedOn)));
            }

            var t = basis.ToTerms();
            IReadOnlyList<int>? Days(Option<string?> option, IReadOnlyList<int> current) =>
                result.GetValue(option) is { } text ? PolicyVersion.ParseDays(text) : current;
            var lists = new[]
            {
                Days(closeTests, t.Close.CentralTestDays), Days(closeHomeTests, t.Close.HomeTestDays),
                Days(secondaryTests, t.Secondary.CentralTestDays), Days(secondaryHomeTests, t.Secondary.HomeTestDays),
            };
            if (lists.Any(l => l is null))
            {
                return CommandScope.Fail(ErrorText.Of("cli.policy.test-days"));
            }

            var terms = t with
            {
                LookBackDays = result.GetValue(lookBack) ?? t.LookBackDays,
                Close = new(result.GetValue(closeCentral) ?? t.Close.CentralDays, result.GetValue(closeHome) ?? t.Close.HomeDays, lists[0]!, lists[1]!),
                Secondary = new(result.GetValue(secondaryCentral) ?? t.Secondary.CentralDays, result.GetValue(secondaryHome) ?? t.Secondary.HomeDays, lists[2]!, lists[3]!),
                InvestigationDeadlineHours = result.GetValue(deadline) ?? t.InvestigationDeadlineHours,
            };
            // The basis's terms stand unless an option changes them: its area scheme, pool sizes and contact release rules too.
            var extra = new PolicyVersion.ExtraTerms(
                new ContactReleaseRules(result.GetValue(dual) ?? basis.ReleaseDualSampling, result.GetValue(early) ?? basis.SecondaryEarlyReleaseTests),
                result.GetValue(bothSchemes) ?? basis.BothAreaSchemes);
            var added = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command(
                result.GetValue(code)!, result.GetValue(name)!, result.GetValue(region), effective, terms, basis.PoolSizesByArea(), result.GetValue(scheme) ?? basis.AreaScheme, extra), ct);
            if (!added.IsSuccess)
            {
                return CommandScope.Fail(added.Error!.Message);
            }

            Console.WriteLine(added.Value!.Id.ToString(CultureInfo.InvariantCulture));
            return 0;
        }, ct));
        return command;
    }

    private static string ContactRules(PolicyVersion v) => string.Create(CultureInfo.InvariantCulture,
        $"双采双检 dual sampling: {(v.ReleaseDualSampling ? "yes" : "no")}\t次密接提前解除 early release: {(v.SecondaryEarlyReleaseTests > 0 ? $"close contact's first {v.SecondaryEarlyReleaseTests} tests negative" : "no")}");

    private static string Describe(QuarantineOrder o) =>
        string.Join(" ", new[] { o.CentralDays > 0 ? ErrorText.Of("cli.policy.central", o.CentralDays, ErrorText.Plain(o.CentralTestDays)).Render() : null, o.HomeDays > 0 ? ErrorText.Of("cli.policy.home", o.HomeDays, ErrorText.Plain(o.HomeTestDays)).Render() : null }.OfType<string>());
}
