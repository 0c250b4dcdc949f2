using System.CommandLine;
using Fangkong.Cli;
using Fangkong.Cli.Commands;
using Fangkong.Common;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Tests;

namespace Fangkong.IntegrationTests.Cli;

/// <summary>
/// The CLI writes in one language: <c>--lang</c> first, then LC_ALL, then LANG; English only for an
/// English locale, Chinese otherwise; its own lines come from tools/texts.tsv like the domain's.
/// </summary>
public sealed class CliCultureTests
{
    [Theory]
    [InlineData(new[] { "demo", "--lang", "en" }, null, "zh_CN.UTF-8", "en")]
    [InlineData(new[] { "demo", "--lang=zh-CN" }, "en_US.UTF-8", null, "zh-CN")]
    [InlineData(new[] { "demo" }, "en_GB.UTF-8", "zh_CN.UTF-8", "en")]
    [InlineData(new[] { "demo" }, "", "en_US.UTF-8", "en")]
    [InlineData(new[] { "demo" }, null, "zh_CN.UTF-8", "zh-CN")]
    [InlineData(new[] { "demo" }, null, "C.UTF-8", "zh-CN")]
    [InlineData(new[] { "demo" }, null, null, "zh-CN")]
    public void TheLanguage_IsTheFlag_ThenLcAll_ThenLang_DefaultChinese(string[] args, string? lcAll, string? lang, string expected)
    {
        var culture = CliCulture.Choose(args, name => name switch { "LC_ALL" => lcAll, "LANG" => lang, _ => null });

        culture.Name.ShouldBe(expected);
    }

    [Fact]
    public void AnotherLanguage_IsRefusedByTheOption()
    {
        var root = new RootCommand { CliCulture.Language, ClustersCommand.Create() };

        root.Parse(["clusters", "detect", "--lang", "fr"]).Errors.ShouldNotBeEmpty();
        root.Parse(["clusters", "detect", "--lang", "en"]).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void ACliLine_IsInOneLanguage()
    {
        var text = ErrorText.Of("cli.supervision.no-detector", "round-coverag");

        text.Render(CliCulture.Chinese).ShouldBe("没有预警规则「round-coverag」");
        text.Render(CliCulture.English).ShouldBe("No detector 'round-coverag'.");
    }

    [Fact]
    public void AHelpText_IsWrittenInTheCultureOfItsMaking()
    {
        var chinese = TestCulture.In("zh-CN", () => CasesCommand.Create().Subcommands.Single(c => c.Name == "import").Description);
        var english = TestCulture.In("en", () => CasesCommand.Create().Subcommands.Single(c => c.Name == "import").Description);

        chinese.ShouldBe("导入病例一览表（全部成功或全部不导入；再次导入即更新）");
        english.ShouldBe("Import a line list (all or nothing; again: updates)");
    }
}
