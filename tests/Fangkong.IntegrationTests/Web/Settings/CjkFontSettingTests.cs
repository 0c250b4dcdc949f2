using Fangkong.Accountability;
using Fangkong.Common.Settings;
using Microsoft.Extensions.Options;

namespace Fangkong.IntegrationTests.Web.Settings;

/// <summary>
/// The PDF notices' font is a setting (<c>Notices:CjkFont</c>) like any other: the environment sets it
/// as <c>Notices__CjkFont</c> or, as before, <c>FANGKONG_CJK_FONT</c>; a font file that is not there
/// stops the start naming the setting; the notices use what the setting says.
/// </summary>
public sealed class CjkFontSettingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fangkong-font-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Notices__CjkFont")]
    [InlineData("FANGKONG_CJK_FONT")]
    public void TheEnvironment_SetsTheFont_ByTheStandardNameOrTheOldOne(string variable)
    {
        var font = Path.Combine(_folder, "cjk.ttf");
        File.WriteAllBytes(font, [0, 1, 0, 0]);

        var options = Read(new Dictionary<string, string> { [variable] = font });

        options.CjkFont.ShouldBe(font);
        CjkFont.PathFor(options).ShouldBe(font);
    }

    [Fact]
    public void AFontThatIsNotThere_IsRefused_NamingTheSetting()
    {
        var missing = Path.Combine(_folder, "no-such.ttf");

        var refused = Should.Throw<OptionsValidationException>(() => Read(new Dictionary<string, string> { ["FANGKONG_CJK_FONT"] = missing }));

        refused.Message.ShouldContain("Notices:CjkFont (FANGKONG_CJK_FONT)");
        refused.Message.ShouldContain(missing);
    }

    [Fact]
    public void NoSetting_MeansTheDebianFonts()
    {
        var options = Read(new Dictionary<string, string>());

        options.CjkFont.ShouldBeEmpty();
        CjkFont.PathFor(options).ShouldBe(new[] { "/usr/share/fonts/truetype/arphic/uming.ttc", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf" }
            .FirstOrDefault(File.Exists), "the serif AR PL UMing first, then Droid");
    }

    private NoticesOptions Read(Dictionary<string, string> environment) =>
        SettingsBinder.Read<NoticesOptions>(FangkongConfiguration.Build(environment, _folder), NoticesOptions.Section);
}
