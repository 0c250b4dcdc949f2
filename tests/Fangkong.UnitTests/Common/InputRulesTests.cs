using System.ComponentModel.DataAnnotations;
using System.Text;
using Fangkong.Common;
using Fangkong.Common.Input;

namespace Fangkong.UnitTests.Common;

/// <summary>The shared input rules: excerpts, the plausible-date window, text and numbers, and the guard that walks a request.</summary>
public sealed class InputRulesTests
{
    private static readonly DateTimeOffset Now = new(2022, 4, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Excerpt_OfTwentyMegabytes_IsSixtyFourCharactersAndAnEllipsis()
    {
        var excerpt = InputExcerpt.Of(new string('x', 20 << 20));
        excerpt.Length.ShouldBe(InputExcerpt.MaxLength + 1);
        excerpt.ShouldEndWith("…");
        InputExcerpt.Of("a\0b").ShouldBe("a\uFFFDb");
        InputExcerpt.Of("短").ShouldBe("短");
    }

    [Theory]
    [InlineData("2019-11-30T15:59:59Z", false)] // 23:59:59 on 30 November, China time
    [InlineData("2019-11-30T16:00:00Z", true)]
    [InlineData("2022-04-11T01:59:59Z", true)]
    [InlineData("2022-04-11T02:00:01Z", false)]
    [InlineData("9999-12-31T00:00:00Z", false)]
    [InlineData("1900-01-01T00:00:00Z", false)]
    public void Happened_IsWithinTheWindow_UpToADayAhead(string at, bool accepted) =>
        (PlausibleDates.CheckHappened("at", DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), Now) is null).ShouldBe(accepted);

    [Fact]
    public void Planned_ReachesAYearAhead_ButNotFurther_AndTheErrorNamesTheField()
    {
        PlausibleDates.CheckPlanned("startsAt", Now.AddDays(300), Now).ShouldBeNull();
        var refused = PlausibleDates.CheckPlanned("startsAt", Now.AddDays(400), Now)!;
        refused.Field.ShouldBe("startsAt");
        refused.Kind.ShouldBe(ErrorKind.Invalid);
        PlausibleDates.CheckPlanned("day", new DateOnly(1, 1, 1), Now)!.Field.ShouldBe("day");
    }

    [Fact]
    public void Text_RefusesControlCharacters_TabsOnlyWhereSeveralLines_AndTheLength()
    {
        InputText.Check("name", "张\0伟", 50, multiLine: false)!.Field.ShouldBe("name");
        InputText.Check("name", "张\t伟", 50, multiLine: false).ShouldNotBeNull();
        InputText.Check("note", "第一行\r\n\t第二行", 50, multiLine: true).ShouldBeNull();
        InputText.Check("note", "响\u0007铃", 50, multiLine: true).ShouldNotBeNull();
        var tooLong = InputText.Check("name", new string('长', 100_000), 100, multiLine: false)!;
        tooLong.Message.Length.ShouldBeLessThan(300);
    }

    [Fact]
    public void Numbers_MustBeFinite_AndWithinTheirRange()
    {
        InputNumbers.Check("hours", double.NaN)!.Field.ShouldBe("hours");
        InputNumbers.Check("hours", double.PositiveInfinity).ShouldNotBeNull();
        InputNumbers.Check("ct", 1e300, 0, InputNumbers.CtMax).ShouldNotBeNull();
        InputNumbers.Check("ct", 32.5, 0, InputNumbers.CtMax).ShouldBeNull();
    }

    private sealed record Test([Happened] DateTimeOffset TakenAt, [Range(0, InputNumbers.CtMax)] double? Ct);

    private sealed record Body(string? Name, [MultiLine] string? Note, IReadOnlyList<Test>? Tests);

    [Fact]
    public void Guard_WalksARequest_AndNamesTheFieldByItsJsonPath()
    {
        var ok = new Body("张伟", "一\n二", [new Test(Now, 30)]);
        InputGuard.Check(string.Empty, ok, [], Now).ShouldBeNull();

        InputGuard.Check(string.Empty, ok with { Tests = [new Test(Now, 30), new Test(Now, 1e300)] }, [], Now)!.Field.ShouldBe("tests[1].ct");
        InputGuard.Check(string.Empty, ok with { Tests = [new Test(Now.AddYears(77), 30)] }, [], Now)!.Field.ShouldBe("tests[0].takenAt");
        InputGuard.Check(string.Empty, ok with { Name = "一\n二" }, [], Now)!.Field.ShouldBe("name");
        InputGuard.Check(string.Empty, ok with { Name = new string('x', InputText.DefaultMaxLength + 1) }, [], Now)!.Field.ShouldBe("name");
        InputGuard.Check("day", new DateOnly(1, 1, 1), [], Now)!.Field.ShouldBe("day");
        InputGuard.Check("hours", double.NaN, [], Now)!.Field.ShouldBe("hours");
    }

    [Fact]
    public void Utf8Check_NamesTheFirstBadLine_AndGbkIsOnlyReadWhenAsked()
    {
        var gbk = CsvEncodings.Parse("gbk").Value!;
        var path = Path.Combine(Path.GetTempPath(), $"fangkong-unit-{Guid.NewGuid():N}.csv");
        try
        {
            var utf8 = Encoding.UTF8.GetBytes("name\n张伟\n");
            File.WriteAllBytes(path, [.. utf8, .. gbk.GetBytes("王芳\n")]);
            CsvEncodings.FirstInvalidUtf8Line(path).ShouldBe(3);
            File.WriteAllBytes(path, utf8);
            CsvEncodings.FirstInvalidUtf8Line(path).ShouldBeNull();
            CsvEncodings.Parse("latin-9").Error!.Field.ShouldBe("encoding");
            CsvEncodings.Parse(null).Value.ShouldBeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
