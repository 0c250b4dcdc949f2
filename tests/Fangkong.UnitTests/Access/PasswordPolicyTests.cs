using Fangkong.Access;
using Fangkong.Tests;

namespace Fangkong.UnitTests.Access;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("12345678", "PasswordTooShort")]
    [InlineData("password1", "PasswordTooShort")]
    [InlineData("", "PasswordTooShort")]
    [InlineData("1234567890", "PasswordTooCommon")]
    [InlineData("qwerty12345", "PasswordTooCommon")]
    [InlineData("Password123", "PasswordTooCommon")]
    [InlineData("QWERTYUIOP", "PasswordTooCommon")]
    [InlineData("woaini1314520", null)]
    [InlineData("woaini1314", "PasswordTooCommon")]
    [InlineData("chuanying2022", "PasswordContainsName")]
    [InlineData("my-CHUANYING-pw", "PasswordContainsName")]
    [InlineData("张伟的密码很长很长很长", "PasswordContainsName")]
    [InlineData("Qz8-vK3m-Rw5t", null)]
    [InlineData("correct horse battery", null)]
    public void Check_RefusesShortNamedAndCommonPasswords(string password, string? code) =>
        PasswordPolicy.Check(password, "chuanying", "张伟")?.Code.ShouldBe(code);

    [Fact]
    public void Messages_AreInTheReadersLanguageOnly()
    {
        var problem = PasswordPolicy.Check("short", "u", null)!.Value;
        problem.Message.ShouldStartWith("密码至少需要 10 个字符");
        problem.Message.ShouldNotContain("characters");

        var english = TestCulture.In("en", () => PasswordPolicy.Check("short", "u", null)!.Value);
        english.Message.ShouldContain("at least 10 characters");
        english.Message.ShouldNotContain("密码");
    }

    [Fact]
    public void AShortName_IsNotLookedForInsidePasswords() =>
        PasswordPolicy.Check("lighthouse-keeper-李", "li", "李").ShouldBeNull();

    [Fact]
    public void TheCommonList_HoldsTheWellKnownOnes()
    {
        CommonPasswords.Count.ShouldBeGreaterThan(1000);
        foreach (var password in new[] { "12345678", "password1", "qwerty123", "123456789", "iloveyou", "1q2w3e4r5t", "5201314", "Passw0rd" })
        {
            CommonPasswords.Contains(password).ShouldBeTrue(password);
        }

        CommonPasswords.Contains("Qz8-vK3m-Rw5t").ShouldBeFalse();
    }
}
