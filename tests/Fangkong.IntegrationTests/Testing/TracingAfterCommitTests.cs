using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// "Lab result recorded → trace pools" as an after-commit domain event (ADR 0034): one upload traces
/// exactly once and its answer reports it; a publisher inside an open transaction is refused. The
/// failure case (results committed, sweep catches up) is in <see cref="TestingFlowTests"/>.
/// </summary>
public sealed class TracingAfterCommitTests
{
    private static readonly DateTimeOffset At = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));

    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Wang => WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OneUpload_IsTracedExactlyOnce_AndTheAnswerSaysWhatTracingDid(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await using (var county = host.Database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false)))
        {
            var round = (await CreateRound.HandleAsync(county, TimeProvider.System, new CreateRound.Command("第一轮", WebTestData.County, 10, At, null))).Value!.Id;
            (await RecordScans.HandleAsync(county, round, [new("a", "P-1", Zhang, At, "点1"), new("b", "P-1", Wang, At, "点1")])).IsSuccess.ShouldBeTrue();
        }

        using var lab = await host.ClientAsync("lab");
        using var answer = await lab.PostAsJsonAsync("/api/v1/testing/results", new
        {
            results = new[] { new { tubeBarcode = "P-1", result = "positive", ctN = 28.5, ctOrf = 29.1, lab = "吉林市疾控中心" } },
        });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("tracing").GetProperty("tubes").GetInt32().ShouldBe(1);
        body.GetProperty("tracing").GetProperty("peopleControlled").GetInt32().ShouldBe(2);
        body.GetProperty("tracingDeferred").GetBoolean().ShouldBeFalse();

        // Nothing is left for the sweep, and nobody is controlled twice.
        await using var system = host.Database.NewContext();
        (await SweepUntraced.HandleAsync(system, TimeProvider.System)).Tubes.ShouldBe(0);
        (await system.ControlOrders.CountAsync()).ShouldBe(2);
        (await system.Tubes.SingleAsync(t => t.Barcode == "P-1")).TracedAt.ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublishingAfterCommit_InsideAnOpenTransaction_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.PublishCommittedAsync(new ResultsRecorded([1]), TimeProvider.System));
        refused.Message.ShouldContain("open transaction");
    }

    [Fact]
    public void ResultsRecorded_IsHandledAfterCommit_ByTheTracer_AndNotInTheTransaction()
    {
        CommittedEvents.HandlersOf<ResultsRecorded>().Select(h => h.GetType()).ShouldBe([typeof(TraceRecordedResults)]);
        DomainEvents.HandlersOf<ResultsRecorded>().ShouldBeEmpty();
    }
}
