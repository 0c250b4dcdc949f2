using System.Collections;
using Fangkong.Common.Settings;
using Fangkong.Data;
using Microsoft.Extensions.Options;

namespace Fangkong.UnitTests.Common.Settings;

/// <summary>
/// Where a setting comes from: appsettings.json, overridden by the environment (Section__Key),
/// overridden by the FANGKONG_* variables the scripts use, overridden by a flag.
/// </summary>
public sealed class ConfigurationSourcesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fangkong-settings-").FullName;

    public ConfigurationSourcesTests() =>
        File.WriteAllText(Path.Combine(_folder, FangkongConfiguration.FileName), """
            { "Database": { "Connection": "sqlite:from-file.db" }, "Clusters": { "WindowDays": 10 } }
            """);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TheFile_IsRead()
    {
        var configuration = FangkongConfiguration.Build(new Hashtable(), _folder);

        configuration["Clusters:WindowDays"].ShouldBe("10");
        DatabaseOptions.Resolve(null, configuration).SqlitePath.ShouldBe("from-file.db");
    }

    [Fact]
    public void AnEnvironmentVariable_OverridesTheFile()
    {
        var configuration = FangkongConfiguration.Build(new Hashtable { ["Clusters__WindowDays"] = "21" }, _folder);

        configuration["Clusters:WindowDays"].ShouldBe("21");
    }

    [Fact]
    public void FangkongDatabase_StillWorks_AndOverridesTheFileAndTheSectionVariable()
    {
        var configuration = FangkongConfiguration.Build(
            new Hashtable { ["FANGKONG_DATABASE"] = "sqlite:from-variable.db", ["Database__Connection"] = "sqlite:from-section-variable.db" }, _folder);

        DatabaseOptions.Resolve(null, configuration).SqlitePath.ShouldBe("from-variable.db");
    }

    [Fact]
    public void AnEmptyFangkongDatabase_LeavesTheFileSetting()
    {
        var configuration = FangkongConfiguration.Build(new Hashtable { ["FANGKONG_DATABASE"] = string.Empty }, _folder);

        DatabaseOptions.Resolve(null, configuration).SqlitePath.ShouldBe("from-file.db");
    }

    [Fact]
    public void TheDatabaseFlag_OverridesEverything()
    {
        var configuration = FangkongConfiguration.Build(new Hashtable { ["FANGKONG_DATABASE"] = "sqlite:from-variable.db" }, _folder);

        DatabaseOptions.Resolve("sqlite:from-flag.db", configuration).SqlitePath.ShouldBe("from-flag.db");
    }

    [Fact]
    public void ABadDatabaseSetting_IsRefused_NamingTheSettingAndTheVariable_WithoutThePassword()
    {
        var configuration = FangkongConfiguration.Build(new Hashtable { ["FANGKONG_DATABASE"] = "mysql:Host=x;Password=secret" }, _folder);

        var refused = Should.Throw<OptionsValidationException>(() => DatabaseOptions.Resolve(null, configuration));

        refused.Message.ShouldContain("Database:Connection");
        refused.Message.ShouldContain("FANGKONG_DATABASE");
        refused.Message.ShouldContain("sqlite:PATH or postgres:CONNECTION-STRING");
        refused.Message.ShouldNotContain("secret");
    }

    [Fact]
    public void NoFileAndNoVariable_IsTheEmbeddedSqliteDatabase()
    {
        using var empty = new TempFolder();
        var configuration = FangkongConfiguration.Build(new Hashtable(), empty.Path);

        DatabaseOptions.Resolve(null, configuration).ShouldBe(DatabaseSettings.Parse(DatabaseSettings.Default));
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("fangkong-empty-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
