using System.Diagnostics;

namespace Fangkong.IntegrationTests.Web.Settings;

/// <summary>
/// The CLI as an operator runs it (a process of its own, so that its environment is its own): it
/// reads the same settings file, the environment overrides the file, FANGKONG_DATABASE still
/// works, and a bad value stops a command before it starts, naming the setting.
/// </summary>
public sealed class CliSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fangkong-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Settings_ListsTheFilesValues()
    {
        var (code, output, _) = await RunAsync(new Dictionary<string, string?>(), "settings");

        code.ShouldBe(0);
        output.ShouldContain("Clusters:WindowDays = 14");
        output.ShouldContain("Supervision:Detectors:round-coverage:MinShare = 1");
        output.ShouldContain("Security:IdleTimeout = 02:00:00");
    }

    [Fact]
    public async Task AnEnvironmentVariable_OverridesTheFile()
    {
        var (code, output, _) = await RunAsync(new() { ["Clusters__WindowDays"] = "21", ["Supervision__Detectors__round-coverage__MinShare"] = "0.9" }, "settings");

        code.ShouldBe(0);
        output.ShouldContain("Clusters:WindowDays = 21");
        output.ShouldContain("Supervision:Detectors:round-coverage:MinShare = 0.9");
    }

    [Fact]
    public async Task FangkongDatabase_StillChoosesTheDatabase_WithoutShowingThePassword()
    {
        var (code, output, _) = await RunAsync(new() { ["FANGKONG_DATABASE"] = "postgres:Host=db.example;Database=fk;Username=fk;Password=secret" }, "settings");

        code.ShouldBe(0);
        output.ShouldContain("Database:Connection = postgres:");
        output.ShouldContain("db.example");
        output.ShouldNotContain("secret");
    }

    [Fact]
    public async Task ABadValue_StopsACommandBeforeItStarts_NamingTheSettingTheValueAndTheRange()
    {
        var database = Path.Combine(_folder, "fangkong.db");
        var (code, _, error) = await RunAsync(new() { ["FANGKONG_DATABASE"] = $"sqlite:{database}", ["Clusters__WindowDays"] = "0" }, "clusters", "detect");

        code.ShouldBe(1);
        error.ShouldContain("设置 Clusters:WindowDays 的值「0」");
        error.ShouldContain("可选：1 to 60");
        File.Exists(database).ShouldBeFalse("nothing is created before the settings are checked");
    }

    [Theory]
    [InlineData("LANG", "en_US.UTF-8")]
    [InlineData("LC_ALL", "en_GB.UTF-8")]
    public async Task AnEnglishLocale_GetsTheRefusalInEnglishOnly(string variable, string locale)
    {
        var database = Path.Combine(_folder, "fangkong.db");
        var (code, _, error) = await RunAsync(new() { ["FANGKONG_DATABASE"] = $"sqlite:{database}", ["Clusters__WindowDays"] = "0", [variable] = locale }, "clusters", "detect");

        code.ShouldBe(1);
        error.ShouldContain("Clusters:WindowDays = '0'");
        error.ShouldContain("valid: 1 to 60");
        error.ShouldNotMatch(@"(?s).*\p{IsCJKUnifiedIdeographs}.*");
    }

    [Fact]
    public async Task TheLangOption_WinsOverTheLocale_AndOnlyZhCnOrEnIsTaken()
    {
        var database = Path.Combine(_folder, "fangkong.db");
        var bad = new Dictionary<string, string?> { ["FANGKONG_DATABASE"] = $"sqlite:{database}", ["Clusters__WindowDays"] = "0", ["LANG"] = "zh_CN.UTF-8" };

        var (code, _, english) = await RunAsync(bad, "clusters", "detect", "--lang", "en");
        var (_, _, chinese) = await RunAsync(bad, "clusters", "detect", "--lang", "zh-CN");
        var (refusedCode, _, _) = await RunAsync(new() { ["FANGKONG_DATABASE"] = $"sqlite:{database}" }, "clusters", "detect", "--lang", "fr");

        code.ShouldBe(1);
        english.ShouldContain("Clusters:WindowDays = '0'");
        english.ShouldNotMatch(@"(?s).*\p{IsCJKUnifiedIdeographs}.*");
        chinese.ShouldContain("设置 Clusters:WindowDays 的值「0」");
        chinese.ShouldNotContain("valid:");
        refusedCode.ShouldNotBe(0);
    }

    [Fact]
    public async Task ABadDetectorFlag_IsRefusedLikeABadSetting()
    {
        var database = Path.Combine(_folder, "fangkong.db");
        var (code, _, error) = await RunAsync(new() { ["FANGKONG_DATABASE"] = $"sqlite:{database}" }, "supervision", "detect", "--set", "round-coverage:MinShare=2");

        code.ShouldBe(1);
        error.ShouldContain("round-coverage:MinShare 的值「2」");
        error.ShouldContain("可选：0 to 1");
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(Dictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Fangkong.Cli.dll"), .. args])
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Only what the test sets: not the FANGKONG_DATABASE or settings of the machine running the tests.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("FANGKONG_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["COLUMNS"] = "400";
        // Nor the machine's locale: without LANG or LC_ALL the CLI writes Chinese, its default.
        start.Environment.Remove("LANG");
        start.Environment.Remove("LC_ALL");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
