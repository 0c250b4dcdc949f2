using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>Overdue findings climb the region tree with a notice per level; evidence is content-addressed and write-once.</summary>
public sealed class EscalationAndEvidenceTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Escalate_NotBeforeTheDeadline_ThenOneLevelPerInterval_WithANoticeEach_AndNeverTwice(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync(due: TimeSpan.FromHours(4));
        var interval = TimeSpan.FromHours(24);

        world.Time.Advance(TimeSpan.FromHours(4));
        await using (var system = world.Context())
        {
            (await EscalateOverdue.HandleAsync(system, world.Time, interval)).Escalated.ShouldBe(0);
        }

        world.Time.Advance(TimeSpan.FromMinutes(1));
        await using (var system = world.Context())
        {
            (await EscalateOverdue.HandleAsync(system, world.Time, interval)).FindingIds.ShouldBe([id]);
            (await EscalateOverdue.HandleAsync(system, world.Time, interval)).Escalated.ShouldBe(0);
        }

        var first = await world.FindingAsync(id);
        first.EscalationLevel.ShouldBe(1);
        first.EscalatedTo.ShouldBe(WebTestData.Street);
        await using (var street = world.Context(new Access.Jurisdiction("dadong", WebTestData.Street, false)))
        {
            var notice = (await ListNotices.HandleAsync(street, unacknowledgedOnly: true, null, null)).Items.Single();
            notice.RegionCode.ShouldBe(WebTestData.Street);
            notice.Text.ShouldContain("吉源社区居委会");
            notice.Text.ShouldContain("大东街道");
        }

        world.Time.Advance(interval);
        await using (var system = world.Context())
        {
            (await EscalateOverdue.HandleAsync(system, world.Time, interval)).FindingIds.ShouldBe([id]);
        }

        var second = await world.FindingAsync(id);
        second.EscalationLevel.ShouldBe(2);
        second.EscalatedTo.ShouldBe(WebTestData.County);
        await using var check = world.Context();
        (await check.EscalationNotices.CountAsync(n => n.FindingId == id)).ShouldBe(2);
        (await check.FindingEvents.CountAsync(e => e.FindingId == id && e.Action == FindingAction.Escalated)).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Escalate_ARectificationSubmittedInTime_DoesNotEscalate(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync(due: TimeSpan.FromHours(4));
        await FindingTests.RectifyAsync(world, id);

        world.Time.Advance(TimeSpan.FromDays(3));
        await using var system = world.Context();

        (await EscalateOverdue.HandleAsync(system, world.Time)).Escalated.ShouldBe(0);
        (await world.FindingAsync(id)).EscalationLevel.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Evidence_IsStoredUnderItsSha256_OnceForTheSameBytes_AndServedBack(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync();
        var other = await world.RaiseComplaintAsync("另一问题");
        byte[] photo = [.. "门岗值守照片"u8, 0, 1, 2, 3];
        await using var db = world.Context(SupervisionWorld.CommunityWorker);

        var first = (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "门岗.jpg", "image/jpeg", photo, "整改后照片"))).Value!;
        var again = (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "门岗-副本.jpg", "image/jpeg", photo, null))).Value!;
        var elsewhere = (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(other, "门岗.jpg", "image/jpeg", photo, null))).Value!;

        first.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)));
        again.AlreadyAttached.ShouldBeTrue();
        again.Id.ShouldBe(first.Id);
        elsewhere.Id.ShouldNotBe(first.Id);
        await using var check = world.Context();
        (await check.EvidenceBlobs.CountAsync()).ShouldBe(1);
        (await check.EvidenceFiles.CountAsync()).ShouldBe(2);
        var served = (await GetEvidence.HandleAsync(db, first.Id)).Value!;
        served.Bytes.ShouldBe(photo);
        served.FileName.ShouldBe("门岗.jpg");
        await using var outsider = world.Context(SupervisionWorld.OtherCountyWorker);
        (await GetEvidence.HandleAsync(outsider, first.Id)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Evidence_CannotBeChangedOrRemoved_EvenBySql(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync();
        await using var db = world.Context(SupervisionWorld.CommunityWorker);
        var attached = (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "台账.pdf", "application/pdf", [9, 8, 7], null))).Value!;
        await using var system = world.Context();

        await Should.ThrowAsync<Exception>(() => system.Database.ExecuteSqlRawAsync("UPDATE evidence_blobs SET content = content || content"));
        await Should.ThrowAsync<Exception>(() => system.Database.ExecuteSqlRawAsync("DELETE FROM evidence_blobs"));
        await Should.ThrowAsync<Exception>(() => system.Database.ExecuteSqlRawAsync("UPDATE evidence_files SET file_name = 'x.pdf'"));
        await Should.ThrowAsync<Exception>(() => system.Database.ExecuteSqlRawAsync("DELETE FROM evidence_files"));

        (await GetEvidence.HandleAsync(system, attached.Id)).Value!.Bytes.ShouldBe(new byte[] { 9, 8, 7 });
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Evidence_EmptyOrTooLargeOrNameless_IsRefused(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider);
        var id = await world.RaiseComplaintAsync();
        await using var db = world.Context(SupervisionWorld.CommunityWorker);

        (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "a.jpg", null, [], null))).Error!.Field.ShouldBe("file");
        (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "a.jpg", null, new byte[EvidenceFile.MaxBytes + 1], null))).Error!.Field.ShouldBe("file");
        (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "  ", null, [1], null))).Error!.Field.ShouldBe("fileName");
        (await AddEvidence.HandleAsync(db, world.Time, new AddEvidence.Command(id, "a.jpg", null, new byte[EvidenceFile.MaxBytes], null))).IsSuccess.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dashboard_CountsByStateUnitAndAge_AndTheRectificationRate(DatabaseProvider provider)
    {
        await using var world = await SupervisionWorld.CreateAsync(provider, users: true);
        var verified = await world.RaiseComplaintAsync("已整改的问题");
        await world.RaiseComplaintAsync("逾期问题", TimeSpan.FromHours(1));
        await world.RaiseComplaintAsync("新问题", TimeSpan.FromDays(5));
        await FindingTests.RectifyAsync(world, verified);
        var review = await FindingTests.PlanStartedAsync(world, Fangkong.Supervision.Inspections.InspectionKind.FollowUpReview);
        await using (var db = world.Context(SupervisionWorld.Inspector))
        {
            (await FindingTransitions.VerifyAsync(db, world.Time, verified, review)).IsSuccess.ShouldBeTrue();
        }

        world.Time.Advance(TimeSpan.FromDays(2));
        await using var community = world.Context(SupervisionWorld.CommunityWorker);

        var view = await Fangkong.Supervision.SupervisionDashboard.HandleAsync(community, world.Time, seesPlannedUnannounced: false);

        (view.Total, view.Open, view.Verified, view.Overdue).ShouldBe((3, 2, 1, 1));
        view.RectificationRate.ShouldBe(1.0 / 3, 1e-9);
        view.Age.OneToThreeDays.ShouldBe(2);
        var unit = view.Units.ShouldHaveSingleItem();
        (unit.Unit, unit.Open, unit.Overdue, unit.Verified).ShouldBe(("吉源社区居委会", 2, 1, 1));
        await using var other = world.Context(SupervisionWorld.OtherCountyWorker);
        (await Fangkong.Supervision.SupervisionDashboard.HandleAsync(other, world.Time, false)).Total.ShouldBe(0);
    }
}
