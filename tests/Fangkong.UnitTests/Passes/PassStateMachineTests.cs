using Fangkong.Common;
using Fangkong.UnitTests.Common;
using Fangkong.Passes;

namespace Fangkong.UnitTests.Passes;

/// <summary>A pass: applied → approved or rejected; approved → revoked, or expired once its end has passed. No database.</summary>
public sealed class PassStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2022, 3, 20, 0, 0, 0, TimeSpan.Zero);

    public enum Step
    {
        Approve,
        Reject,
        Revoke,
    }

    // From (as reached through the pass's own transitions), step, the status after it or null when refused.
    [Theory]
    [InlineData(PassStatus.Applied, Step.Approve, PassStatus.Approved)]
    [InlineData(PassStatus.Applied, Step.Reject, PassStatus.Rejected)]
    [InlineData(PassStatus.Applied, Step.Revoke, null)]
    [InlineData(PassStatus.Approved, Step.Approve, null)]
    [InlineData(PassStatus.Approved, Step.Reject, null)]
    [InlineData(PassStatus.Approved, Step.Revoke, PassStatus.Revoked)]
    [InlineData(PassStatus.Rejected, Step.Approve, null)]
    [InlineData(PassStatus.Rejected, Step.Reject, null)]
    [InlineData(PassStatus.Rejected, Step.Revoke, null)]
    [InlineData(PassStatus.Revoked, Step.Approve, null)]
    [InlineData(PassStatus.Revoked, Step.Reject, null)]
    [InlineData(PassStatus.Revoked, Step.Revoke, null)]
    public void EveryStepFromEveryStatus(PassStatus from, Step step, PassStatus? expected)
    {
        var pass = PassIn(from);
        var at = T0.AddDays(1);

        var error = step switch
        {
            Step.Approve => pass.Approve("市指挥部", at, "token-2"),
            Step.Reject => pass.Reject("市指挥部", at, "理由不足"),
            _ => pass.Revoke(at, "单位停工"),
        };

        TransitionAssert.ShouldLeave(error, pass.Status, from, expected);
    }

    [Fact]
    public void ApprovedPass_IsExpiredAfterItsEnd_AndNoLongerCountsAgainstTheQuota()
    {
        var pass = PassIn(PassStatus.Approved);

        (pass.StatusAt(pass.ValidTo), pass.IsActiveAt(pass.ValidTo)).ShouldBe((PassStatus.Approved, true));
        (pass.StatusAt(pass.ValidTo.AddTicks(1)), pass.IsActiveAt(pass.ValidTo.AddTicks(1))).ShouldBe((PassStatus.Expired, false));
        PassIn(PassStatus.Applied).StatusAt(T0.AddYears(1)).ShouldBe(PassStatus.Applied, "only an approved pass expires");
    }

    [Fact]
    public void Approval_AfterThePassEnded_IsRefused()
    {
        var pass = PassIn(PassStatus.Applied);

        pass.Approve("市指挥部", pass.ValidTo.AddMinutes(1), "token").ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        (pass.Status, pass.Token).ShouldBe((PassStatus.Applied, (string?)null));
    }

    [Fact]
    public void Decisions_RecordWhoAndWhen()
    {
        var pass = PassIn(PassStatus.Applied);
        pass.Approve("市指挥部", T0.AddHours(3), "token-1").ShouldBeNull();
        pass.Revoke(T0.AddDays(2), "单位停工").ShouldBeNull();

        (pass.DecidedBy, pass.DecidedAt, pass.Token, pass.RevokedAt, pass.Note)
            .ShouldBe(("市指挥部", (DateTimeOffset?)T0.AddHours(3), "token-1", (DateTimeOffset?)T0.AddDays(2), "单位停工"));
    }

    private static Pass PassIn(PassStatus status)
    {
        var pass = new Pass(PassKind.SupplyTransport, 1, "220204", ["220204", "220202"], "王师傅", null, "吉B12345", "运送蔬菜",
            T0, T0.AddDays(7), "吉林市蔬菜公司", T0);
        switch (status)
        {
            case PassStatus.Approved:
                pass.Approve("市指挥部", T0.AddHours(1), "token-1").ShouldBeNull();
                break;
            case PassStatus.Rejected:
                pass.Reject("市指挥部", T0.AddHours(1), "理由不足").ShouldBeNull();
                break;
            case PassStatus.Revoked:
                pass.Approve("市指挥部", T0.AddHours(1), "token-1").ShouldBeNull();
                pass.Revoke(T0.AddHours(2), "单位停工").ShouldBeNull();
                break;
        }

        pass.Status.ShouldBe(status);
        return pass;
    }
}
