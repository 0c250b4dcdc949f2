using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>A finding's life and every refusal on the way: owner and deadline required, rectification before verification, verification only by a follow-up review.</summary>
public sealed class FindingTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Raise_WithoutUnitOrOfficialOrDeadline_IsRefused_AndNothingIsSaved(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await using var db = world.Context(SupervisionWorld.Inspector);
        var due = world.Time.GetUtcNow().AddDays(1);
        RaiseFinding.Command Complaint(long? unit, long? official, DateTimeOffset? deadline) => new(
            FindingSource.Complaint, "核酸检测点无人值守", null, FindingCategory.Testing, FindingSeverity.Minor, unit, official, deadline, "12345-1");

        (await RaiseFinding.HandleAsync(db, world.Time, Complaint(null, world.CommunityOfficial, due))).Error!.Field.ShouldBe("responsibleOrganisationId");
        (await RaiseFinding.HandleAsync(db, world.Time, Complaint(world.CommunityUnit, null, due))).Error!.Field.ShouldBe("responsibleOfficialId");
        (await RaiseFinding.HandleAsync(db, world.Time, Complaint(world.CommunityUnit, world.CountyOfficial, due))).Error!.Field.ShouldBe("responsibleOfficialId");
        (await RaiseFinding.HandleAsync(db, world.Time, Complaint(world.CommunityUnit, world.CommunityOfficial, null))).Error!.Field.ShouldBe("deadline");
        (await RaiseFinding.HandleAsync(db, world.Time, Complaint(world.CommunityUnit, world.CommunityOfficial, world.Time.GetUtcNow().AddMinutes(-1)))).Error!.Field.ShouldBe("deadline");
        (await RaiseFinding.HandleAsync(db, world.Time, Complaint(world.CommunityUnit, world.CommunityOfficial, due) with { ComplaintRef = null })).Error!.Field.ShouldBe("complaintRef");
        (await RaiseFinding.HandleAsync(db, world.Time, Complaint(world.CommunityUnit, world.CommunityOfficial, due) with { Source = FindingSource.Detector })).Error!.Field.ShouldBe("source");

        (await db.Findings.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Raise_ForAUnitOutsideTheJurisdiction_IsNotFound(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        await using var db = world.Context(SupervisionWorld.CountyInspector);

        var result = await RaiseFinding.HandleAsync(db, world.Time, new RaiseFinding.Command(
            FindingSource.Complaint, "封控不严", null, FindingCategory.ClosedManagement, FindingSeverity.Minor, world.OtherCountyUnit, world.OtherCountyOfficial,
            world.Time.GetUtcNow().AddDays(1), "12345-2"));

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Raise_WithOwnerAndDeadline_IsOpenInTheUnitsRegion_WithItsHistory(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);

        var id = await world.RaiseComplaintAsync();

        var finding = await world.FindingAsync(id);
        finding.Status.ShouldBe(FindingStatus.Open);
        finding.RegionCode.ShouldBe(WebTestData.Community);
        finding.ResponsibleUnit.ShouldBe("吉源社区居委会");
        finding.ResponsiblePerson.ShouldBe("王社区（社区党委书记）");
        await using var other = world.Context(SupervisionWorld.OtherCountyWorker);
        (await GetFinding.HandleAsync(other, world.Time, id)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await using var community = world.Context(SupervisionWorld.CommunityWorker);
        (await GetFinding.HandleAsync(community, world.Time, id)).Value!.Events.Single().Action.ShouldBe(FindingAction.Raised);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rectification_EmptyOrTwice_IsRefused(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync();
        await using var db = world.Context(SupervisionWorld.CommunityWorker);

        (await FindingTransitions.SubmitRectificationAsync(db, world.Time, id, "  ")).Error!.Field.ShouldBe("rectification");
        (await FindingTransitions.SubmitRectificationAsync(db, world.Time, id, "已增设门岗，实行 24 小时值守")).IsSuccess.ShouldBeTrue();
        (await FindingTransitions.SubmitRectificationAsync(db, world.Time, id, "再报一次")).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Verify_WithoutSubmittedRectification_IsRefused(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var id = await world.RaiseComplaintAsync();
        var review = await PlanStartedAsync(world, InspectionKind.FollowUpReview);
        await using var db = world.Context(SupervisionWorld.Inspector);

        var result = await FindingTransitions.VerifyAsync(db, world.Time, id, review);

        result.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await world.FindingAsync(id)).Status.ShouldBe(FindingStatus.Open);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Verify_ByAnInspectionThatIsNotAFollowUpReview_IsRefused(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var id = await world.RaiseComplaintAsync();
        await RectifyAsync(world, id);
        var unannounced = await PlanStartedAsync(world, InspectionKind.Unannounced);
        await using var db = world.Context(SupervisionWorld.Inspector);

        (await FindingTransitions.VerifyAsync(db, world.Time, id, unannounced)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await FindingTransitions.VerifyAsync(db, world.Time, id, null)).Error!.Field.ShouldBe("reviewId");
        (await world.FindingAsync(id)).Status.ShouldBe(FindingStatus.RectificationSubmitted);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Verify_ByAFollowUpReviewNotStartedOrByAnotherInspector_IsRefused(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var id = await world.RaiseComplaintAsync();
        await RectifyAsync(world, id);
        var planned = await PlanAsync(world, InspectionKind.FollowUpReview);
        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            (await FindingTransitions.VerifyAsync(db, world.Time, id, planned)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        }

        var review = await PlanStartedAsync(world, InspectionKind.FollowUpReview);
        await using var county = world.Context(SupervisionWorld.CountyInspector);
        (await FindingTransitions.VerifyAsync(county, world.Time, id, review)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        (await world.FindingAsync(id)).Status.ShouldBe(FindingStatus.RectificationSubmitted);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Verify_ByAFollowUpReview_ClosesTheFinding_AndNothingMoreIsAccepted(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var id = await world.RaiseComplaintAsync();
        await RectifyAsync(world, id);
        var review = await PlanStartedAsync(world, InspectionKind.FollowUpReview);
        await using var db = world.Context(SupervisionWorld.Inspector);

        var verified = await FindingTransitions.VerifyAsync(db, world.Time, id, review);

        verified.Value!.Status.ShouldBe(FindingStatus.Verified);
        var finding = await world.FindingAsync(id);
        finding.VerifiedByInspectionId.ShouldBe(review);
        finding.VerifiedBy.ShouldBe("jijian");
        (await FindingTransitions.RejectAsync(db, world.Time, id, "不认可")).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await FindingTransitions.SubmitRectificationAsync(db, world.Time, id, "again")).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "a.jpg", "image/jpeg", [1, 2, 3], null))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reject_ReturnsToOpen_ButNotWithoutAReasonOrASubmittedRectification(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync();
        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            (await FindingTransitions.RejectAsync(db, world.Time, id, "未整改")).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        }

        await RectifyAsync(world, id);
        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            (await FindingTransitions.RejectAsync(db, world.Time, id, " ")).Error!.Field.ShouldBe("note");
            var rejected = await FindingTransitions.RejectAsync(db, world.Time, id, "门岗仍无人值守，整改不到位");
            rejected.Value!.Status.ShouldBe(FindingStatus.Open);
        }

        (await world.FindingAsync(id)).Rejections.ShouldBe(1);
        await RectifyAsync(world, id);
        (await world.FindingAsync(id)).Status.ShouldBe(FindingStatus.RectificationSubmitted);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rectify_OutsideTheJurisdiction_IsNotFound(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync();
        await using var db = world.Context(SupervisionWorld.OtherCountyWorker);

        (await FindingTransitions.SubmitRectificationAsync(db, world.Time, id, "已整改")).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await world.FindingAsync(id)).Status.ShouldBe(FindingStatus.Open);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ListFindings_PagesAndFiltersOverdue(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        for (var i = 0; i < 3; i++)
        {
            await world.RaiseComplaintAsync($"问题 {i}", TimeSpan.FromHours(1 + (i * 10)));
        }

        world.Time.Advance(TimeSpan.FromHours(5));
        await using var db = world.Context(SupervisionWorld.CommunityWorker);

        var page = (await ListFindings.HandleAsync(db, world.Time, new ListFindings.Query(PageSize: 2))).Value!;
        var overdue = (await ListFindings.HandleAsync(db, world.Time, new ListFindings.Query(OverdueOnly: true))).Value!;

        page.TotalCount.ShouldBe(3);
        page.Items.Count.ShouldBe(2);
        page.PageCount.ShouldBe(2);
        overdue.Items.Select(f => f.Title).ShouldBe(["问题 0"]);
        overdue.Items.Single().Overdue.ShouldBeTrue();
    }

    internal static async Task RectifyAsync(SupervisionWorld world, long id)
    {
        await using var db = world.Context(SupervisionWorld.CommunityWorker);
        var result = await FindingTransitions.SubmitRectificationAsync(db, world.Time, id, "已增设门岗，实行 24 小时值守");
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
    }

    internal static async Task<long> PlanAsync(SupervisionWorld world, InspectionKind kind, FangkongDbContext? context = null)
    {
        await using var db = world.Context(SupervisionWorld.Inspector);
        long? reviewed = null;
        if (kind == InspectionKind.FollowUpReview)
        {
            reviewed = (await PlanInspection.HandleAsync(db, world.Time, new PlanInspection.Command(
                InspectionKind.Unannounced, InspectionTargetKind.Region, WebTestData.Community, null, null, "nursing-home", ["jijian"], new DateOnly(2022, 4, 5)))).Value!.Id;
        }

        var planned = await PlanInspection.HandleAsync(db, world.Time, new PlanInspection.Command(
            kind, InspectionTargetKind.Region, WebTestData.Community, null, null, "nursing-home", ["jijian"], new DateOnly(2022, 4, 5), reviewed));
        planned.IsSuccess.ShouldBeTrue(planned.Error?.Message);
        return planned.Value!.Id;
    }

    internal static async Task<long> PlanStartedAsync(SupervisionWorld world, InspectionKind kind)
    {
        var id = await PlanAsync(world, kind);
        await using var db = world.Context(SupervisionWorld.Inspector);
        (await ConductInspection.StartAsync(db, world.Time, id)).IsSuccess.ShouldBeTrue();
        return id;
    }
}
