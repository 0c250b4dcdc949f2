using System.Net;

namespace Fangkong.IntegrationTests.Concurrency;

/// <summary>
/// Sends one request ten times at once, as a client that retries on a timeout or a user who
/// double-clicks does, and checks the answers: no 5xx, each the success or a 409 conflict.
/// </summary>
public static class ParallelRepeat
{
    public const int Times = 10;

    public sealed record Answer(HttpStatusCode Status, string Body);

    /// <summary>Starts <see cref="Times"/> copies of <paramref name="send"/> together and waits for all.</summary>
    public static async Task<IReadOnlyList<Answer>> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        ArgumentNullException.ThrowIfNull(send);
        using var start = new ManualResetEventSlim(false);
        var all = Enumerable.Range(0, Times).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            using var response = await send();
            return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync());
        })).ToList();
        start.Set();
        return await Task.WhenAll(all);
    }

    /// <summary>
    /// Every answer is the success or 409 (a lost race, with a problem body), and at least one is
    /// the success. <paramref name="repeatsMaySucceed"/>: whether a repeat may answer as the first
    /// did (idempotent) or must be refused (exactly one success).
    /// </summary>
    public static void ShouldBeOneSuccessOrConflicts(this IReadOnlyList<Answer> answers, bool repeatsMaySucceed = true)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Where(a => a.Status != HttpStatusCode.OK && a.Status != HttpStatusCode.Conflict)
            .Select(a => $"{(int)a.Status}: {a.Body}").ShouldBeEmpty();
        answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBeGreaterThanOrEqualTo(1);
        if (!repeatsMaySucceed)
        {
            answers.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(1);
        }

        answers.Where(a => a.Status == HttpStatusCode.Conflict).ShouldAllBe(a => a.Body.Contains("\"status\":409"));
    }
}
