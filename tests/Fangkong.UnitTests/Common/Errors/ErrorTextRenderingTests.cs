using System.Globalization;
using Fangkong.Common;
using Fangkong.Common.Input;

namespace Fangkong.UnitTests.Common.Errors;

/// <summary>
/// One coded text, one language per reader: Chinese readers see the Chinese alone, English readers the
/// English alone (never "中文 (English)"), and every string argument is cut to an excerpt.
/// </summary>
public sealed class ErrorTextRenderingTests
{
    private static readonly CultureInfo Chinese = new("zh-CN");
    private static readonly CultureInfo English = new("en");

    [Fact]
    public void EachCulture_GetsItsOwnLanguageOnly()
    {
        var text = ErrorText.Of("error.testing.not-region-code", "2202x");

        text.Render(Chinese).ShouldBe("「2202x」不是区划代码");
        text.Render(CultureInfo.InvariantCulture).ShouldBe("「2202x」不是区划代码");
        text.Render(English).ShouldBe("'2202x' is not a region code.");
    }

    [Fact]
    public void Message_FollowsTheCurrentUiCulture()
    {
        var error = Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", "99"));
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = English;
            error.Message.ShouldBe("'99' is not a region code.");
            CultureInfo.CurrentUICulture = Chinese;
            error.Message.ShouldBe("「99」不是区划代码");
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        error.Code.ShouldBe("error.testing.not-region-code");
        error.Field.ShouldBe("region");
    }

    [Fact]
    public void LongInput_IsCutToTheExcerpt()
    {
        var input = "2202" + new string('9', 20_000);

        var message = Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", input)).Text.Render(English);

        message.ShouldBe($"'{input[..InputExcerpt.MaxLength]}…' is not a region code.");
        message.Length.ShouldBeLessThan(InputExcerpt.MaxLength + 40);
    }

    [Fact]
    public void ControlCharactersInInput_AreNotEchoed()
    {
        var message = ErrorText.Of("error.testing.not-region-code", "22\n02\0").Render(English);

        message.ShouldBe("'22\uFFFD02\uFFFD' is not a region code.");
    }

    [Fact]
    public void NumbersAndNestedErrors_AreRenderedNotCut()
    {
        var nested = Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", "x"));

        ErrorText.Of("error.testing.batch-holds-people", 5000).Render(English).ShouldBe("A batch holds 1 to 5000 people.");
        ErrorText.Of("error.testing.invalid-identity-number", nested).Render(Chinese)
            .ShouldBe("证件号码无效：「x」不是区划代码");
        ErrorText.Of("error.testing.invalid-identity-number", nested).Render(English)
            .ShouldBe("invalid identity number: 'x' is not a region code.");
    }

    [Fact]
    public void AListTheProgramMade_IsNotCutLikeInput()
    {
        var roles = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"role-{i}"));

        var message = ErrorText.Of("error.access.not-a-role", "boss", ErrorText.Plain(roles)).Render(English);

        message.ShouldBe($"'boss' is not a role; use one of: {roles}.");
    }

    [Fact]
    public void DateArguments_KeepThePlaceholdersFormat()
    {
        var text = ErrorText.Of("error.areas.cannot-end-before-started", new DateOnly(2022, 3, 14));

        text.Render(English).ShouldBe("cannot end before it started on 2022-03-14.");
        text.Render(Chinese).ShouldBe("解除日期早于划定日期 2022-03-14");
    }

    [Fact]
    public void PlainText_IsShownAsIs_AndHasNoCode()
    {
        var error = Error.Conflict("固定文字 (fixed text).");

        error.Code.ShouldBeNull();
        error.Text.Render(English).ShouldBe("固定文字 (fixed text).");
    }

    [Fact]
    public void UnknownCode_SaysTheCodeRatherThanNothing()
    {
        ErrorText.Of("error.nowhere.missing", 7).Render(English).ShouldBe("error.nowhere.missing: 7");
    }
}
