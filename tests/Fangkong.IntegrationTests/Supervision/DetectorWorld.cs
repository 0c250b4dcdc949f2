using Fangkong.Cases;
using Fangkong.Cases.Clusters;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Places;
using Fangkong.Testing;
using Case = Fangkong.Cases.Case;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>Records that detectors read: residents, a round with a positive pool, cases and clusters.</summary>
public static class DetectorWorld
{
    public static async Task<(long A, long B)> ResidentsAsync(SupervisionWorld world)
    {
        await using var db = world.Context();
        var a = Resident("张伟", "19850312", 1);
        var b = Resident("李娜", "19900704", 2);
        db.Persons.AddRange(a, b);
        await db.SaveChangesAsync();
        return (a.Id, b.Id);
    }

    /// <summary>A round over 吉源社区 with the given deadline and a 10-in-1 tube holding both residents, positive, received at <paramref name="receivedAt"/>.</summary>
    public static async Task<(long Round, long Tube)> PositivePoolAsync(SupervisionWorld world, (long A, long B) people, DateTimeOffset receivedAt, DateTimeOffset? deadline = null)
    {
        await using var db = world.Context();
        var round = new TestingRound("第5轮全员核酸", WebTestData.Community, receivedAt.AddHours(-12), deadline ?? receivedAt.AddHours(12), 10, "test");
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync();
        var tube = new Tube(round.Id, "JY0001", 10, WebTestData.Community, "吉源社区采样点", receivedAt.AddHours(-8));
        tube.SetResult(TestResult.Positive, 28, 29, "吉林市检测中心", receivedAt, receivedAt);
        db.Tubes.Add(tube);
        await db.SaveChangesAsync();
        var index = 0;
        foreach (var (person, doc) in new[] { (people.A, IdOf("19850312", 1)), (people.B, IdOf("19900704", 2)) })
        {
            db.Samples.Add(new Sample($"s-{tube.Id}-{index++}", round.Id, tube.Id, WebTestData.Community, person, doc, WebTestData.Community, receivedAt.AddHours(-8), "sampler"));
        }

        await db.SaveChangesAsync();
        return (round.Id, tube.Id);
    }

    public static async Task ControlAsync(SupervisionWorld world, long person, long round, long tube, DateTimeOffset at)
    {
        await using var db = world.Context();
        db.ControlOrders.Add(new ControlOrder(person, WebTestData.Community, "混管阳性", tube, round, at));
        await db.SaveChangesAsync();
    }

    public static async Task<long> CaseAsync(SupervisionWorld world, string caseNo, DateOnly reportedOn, string region = WebTestData.Community, int sequence = 11)
    {
        await using var db = world.Context();
        var created = Case.Create(new Case.Report(
            caseNo, "病例" + caseNo, WebTestData.IdNumberFor(region, "19700101", sequence), region, CaseType.Confirmed, Severity.Mild, reportedOn, CaseSource.PositiveRetest, null, null));
        created.IsSuccess.ShouldBeTrue(created.Error?.Message);
        db.Cases.Add(created.Value!);
        await db.SaveChangesAsync();
        return created.Value!.Id;
    }

    public static async Task<long> ClusterAsync(SupervisionWorld world, IReadOnlyList<long> cases, long? placeId, bool needsSupervision, bool nosocomial = false)
    {
        await using var db = world.Context();
        var on = new DateOnly(2022, 4, 4);
        var cluster = Cluster.Form(cases, new Cluster.Description(
            WebTestData.Community, placeId is { } p ? CaseLink.PlaceKey(p) : CaseLink.HouseholdKey(WebTestData.Community, "H001"), placeId,
            placeId is null ? null : "吉源养老院", placeId is null ? null : PlaceKind.NursingHome, placeId is null ? "H001" : null, nosocomial, needsSupervision, on, on), on);
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync();
        return cluster.Id;
    }

    private static Person Resident(string name, string birth, int sequence) =>
        new(DocumentType.ResidentId, IdOf(birth, sequence), name, WebTestData.Community) { UpdatedAt = DateTimeOffset.UtcNow };

    private static string IdOf(string birth, int sequence) => WebTestData.IdNumberFor(WebTestData.Community, birth, sequence);
}
