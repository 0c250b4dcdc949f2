using Fangkong.Common;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;

namespace Fangkong.UnitTests.Supervision;

/// <summary>
/// A finding: open → rectification submitted → verified by a follow-up review (回头看); a rejection
/// sends it back to open; an overdue open finding is escalated one region up at a time. No database
/// (FindingTransitions, which loads, checks jurisdiction and records events, is tested on both
/// databases in the integration tests).
/// </summary>
public sealed class FindingStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2022, 4, 5, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = T0.AddDays(3);

    [Fact]
    public void Open_Submitted_Verified_ByAStartedFollowUpReview()
    {
        var finding = Raise();
        finding.SubmitRectification("已增设门岗", "社区", T0.AddDays(1)).ShouldBeNull();

        finding.Verify(Review(), "督导组", T0.AddDays(2)).ShouldBeNull();

        (finding.Status, finding.Rectification, finding.VerifiedBy, finding.VerifiedAt)
            .ShouldBe((FindingStatus.Verified, "已增设门岗", "督导组", (DateTimeOffset?)T0.AddDays(2)));
        finding.SubmitRectification("再报", "社区", T0.AddDays(3)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.Reject("不认可").ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.Verify(Review(), "督导组", T0.AddDays(3)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public void Rejected_GoesBackToOpen_CountsTheRejection_AndTakesANewReport()
    {
        var finding = Raise();
        finding.SubmitRectification("已整改", "社区", T0.AddDays(1)).ShouldBeNull();

        finding.Reject(" ").ShouldNotBeNull().Field.ShouldBe("note");
        finding.Reject("门岗仍无人值守").ShouldBeNull();

        (finding.Status, finding.Rejections, finding.Deadline).ShouldBe((FindingStatus.Open, 1, Deadline));
        finding.SubmitRectification("已安排 24 小时值守", "社区", T0.AddDays(2)).ShouldBeNull();
        finding.Status.ShouldBe(FindingStatus.RectificationSubmitted);
    }

    [Fact]
    public void Verify_IsRefused_ForAnOpenFinding_AnotherKindOfInspection_APlannedReview_OrAnotherRegion()
    {
        var finding = Raise();
        finding.Verify(Review(), "督导组", T0.AddDays(1)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.SubmitRectification("已整改", "社区", T0.AddDays(1)).ShouldBeNull();

        finding.Verify(Review(InspectionKind.Unannounced), "督导组", T0.AddDays(2)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.Verify(Review(started: false), "督导组", T0.AddDays(2)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.Verify(Review(region: "220202"), "督导组", T0.AddDays(2)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.Status.ShouldBe(FindingStatus.RectificationSubmitted);
        finding.Verify(Review(region: "2202"), "督导组", T0.AddDays(2)).ShouldBeNull();
    }

    [Fact]
    public void Rectification_Empty_IsRefusedNamingTheField_AndChangesNothing()
    {
        var finding = Raise();

        finding.SubmitRectification("  ", "社区", T0).ShouldNotBeNull().Field.ShouldBe("rectification");
        finding.SubmitRectification(new string('改', Finding.RectificationMaxLength + 1), "社区", T0).ShouldNotBeNull().Field.ShouldBe("rectification");
        finding.Status.ShouldBe(FindingStatus.Open);
    }

    [Fact]
    public void Escalation_OnlyWhenOverdue_OneRegionUpAtATime()
    {
        var finding = Raise();

        finding.IsOverdueAt(Deadline).ShouldBeFalse();
        finding.Escalate("220204003", Deadline).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        var late = Deadline.AddMinutes(1);
        finding.Escalate("220202", late).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.Escalate("220204003", late).ShouldBeNull();
        finding.Escalate("220204003", late).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        finding.Escalate("220204", late.AddDays(1)).ShouldBeNull();

        (finding.EscalationLevel, finding.EscalatedTo, finding.EscalatedAt).ShouldBe((2, "220204", (DateTimeOffset?)late.AddDays(1)));
        finding.SubmitRectification("已整改", "社区", late.AddDays(2)).ShouldBeNull();
        finding.Escalate("2202", late.AddDays(3)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict, "only an open finding is overdue");
    }

    private static Finding Raise() =>
        Finding.Raise(new Finding.Draft(
            FindingSource.Complaint, "220204003001", "门岗无人值守", null, FindingCategory.ClosedManagement, FindingSeverity.Major,
            1, "吉源社区居委会", 2, "王社区", Deadline, "督导组", T0, ComplaintRef: "12345-1")).Value!;

    private static Inspection Review(InspectionKind kind = InspectionKind.FollowUpReview, bool started = true, string region = "220204003001")
    {
        var review = new Inspection(kind, InspectionTargetKind.Region, region, null, null, "吉源社区", 1, "督导组", new DateOnly(2022, 4, 7), "督导组", T0);
        if (started)
        {
            review.Start(T0.AddDays(1)).ShouldBeNull();
        }

        return review;
    }
}
