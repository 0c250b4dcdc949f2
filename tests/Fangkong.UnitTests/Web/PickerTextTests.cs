using Fangkong.Web.Components.Kit;

namespace Fangkong.UnitTests.Web;

/// <summary>
/// A name picker shows the name the user chose ("吉林宾馆 #17", not "17") and binds the id after " #";
/// typed text, a typed id and a name that itself holds " #" are bound as typed.
/// </summary>
public sealed class PickerTextTests
{
    private static readonly PickerOption[] Options = [new("17", "吉林宾馆"), new("2202", "吉林市"), new("C-1", "昌邑区 #二号楼")];

    [Fact]
    public void AnOption_ShowsItsName_ThenItsId() => PickerText.Of(Options[0]).ShouldBe("吉林宾馆 #17");

    [Fact]
    public void AnOptionWhoseNameIsItsId_ShowsItOnce() => PickerText.Of(new PickerOption("17", "17")).ShouldBe("17");

    [Theory]
    [InlineData("吉林宾馆 #17", "17")]
    [InlineData("  吉林宾馆 #17 ", "17")]
    [InlineData("昌邑区 #二号楼 #C-1", "C-1")]
    [InlineData("17", "17")]
    [InlineData("东市场", "东市场")]
    [InlineData("某地 #99", "99")]
    [InlineData("门牌 #三号", "门牌 #三号")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void ThePostedText_BindsTheIdOrTheTextAsTyped(string? posted, string? bound) =>
        PickerText.IdOf(posted, Options).ShouldBe(bound);
}
