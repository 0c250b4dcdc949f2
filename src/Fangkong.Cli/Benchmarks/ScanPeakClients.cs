using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Fangkong.Web.Infrastructure.Security;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The sampling points: each client posts batches of swabs to the scan API, either one after the
/// other as fast as answered (closed loop, <c>--max</c>: the ceiling) or each on the schedule of
/// a <see cref="ScanPeakSchedule"/> (open loop, <c>--rate</c>: an offered load), and resends a batch with the SAME client ids after any failure
/// (refused connection, cut connection, timeout, 5xx) until it is answered. A batch is counted as
/// sent only when answered; a batch under way at the end is still carried to its answer. All
/// clients share one signed-in session (signing 500 consoles in would measure password hashing);
/// a 401 after the server's restart signs in again, and every POST carries the session's
/// antiforgery token (X-CSRF-TOKEN, from the sign-in answer), as any cookie-signed API client must.
/// </summary>
internal sealed class ScanPeakClients(Uri server, long roundId, string userName, string password, IReadOnlyList<string> documents, Action<string> log) : IDisposable
{
    private static readonly DateTimeOffset SampledAt = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));

    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _signIn = new(1, 1);
    private readonly CookieContainer _cookies = new();
    private int _session;
    private string? _antiforgery;

    /// <summary>One answered batch: when it was sent (scheduled, in the open loop) and how long until its answer.</summary>
    public readonly record struct Latency(double SentAtSeconds, double Ms);

    /// <param name="StartedAt">When the load began on the run's clock (after signing in), the origin of <see cref="Answers"/>' rate.</param>
    public sealed record Outcome(
        double StartedAt, IReadOnlyList<string> Acknowledged, int Recorded, int AlreadyRecorded, int Refused, IReadOnlyList<Latency> Latencies,
        IReadOnlyList<(double At, int Scans)> Answers, IReadOnlyDictionary<string, int> Errors, int Requests);

    private sealed class Tally
    {
        public List<string> Acknowledged { get; } = [];

        public List<Latency> Latencies { get; } = [];

        public List<(double, int)> Answers { get; } = [];

        public int Recorded { get; set; }

        public int AlreadyRecorded { get; set; }

        public int Refused { get; set; }

        public int Requests { get; set; }
    }

    /// <param name="schedule">The open loop's send times; null for the closed loop.</param>
    public async Task<Outcome> RunAsync(int clients, int batch, int poolSize, TimeSpan duration, ScanPeakSchedule? schedule, Stopwatch clock, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler
        {
            CookieContainer = _cookies,
            MaxConnectionsPerServer = clients,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        await SignInAsync(http, 0, ct);
        var start = clock.Elapsed;
        var end = start + duration;
        var tallies = await Task.WhenAll(Enumerable.Range(0, clients).Select(point => Task.Run(
            () => PointAsync(http, new Load(point, clients, batch, poolSize, start, end, schedule), clock, ct), ct)));
        return new Outcome(
            start.TotalSeconds,
            tallies.SelectMany(t => t.Acknowledged).ToList(),
            tallies.Sum(t => t.Recorded),
            tallies.Sum(t => t.AlreadyRecorded),
            tallies.Sum(t => t.Refused),
            tallies.SelectMany(t => t.Latencies).ToList(),
            tallies.SelectMany(t => t.Answers).ToList(),
            new SortedDictionary<string, int>(_errors, StringComparer.Ordinal),
            tallies.Sum(t => t.Requests));
    }

    private sealed record Load(int Point, int Clients, int Batch, int PoolSize, TimeSpan Start, TimeSpan End, ScanPeakSchedule? Schedule);

    private async Task<Tally> PointAsync(HttpClient http, Load load, Stopwatch clock, CancellationToken ct)
    {
        var (point, clients, batch, poolSize) = (load.Point, load.Clients, load.Batch, load.PoolSize);
        var tally = new Tally();
        var random = new Random(point);
        if (load.Schedule is null)
        {
            // Spread the first requests over a second, as consoles do not all start at one instant.
            await Task.Delay(random.Next(1000), ct);
        }

        for (var (swab, number) = (0, 0L); ; swab += batch, number++)
        {
            TimeSpan? due = load.Schedule is { } schedule ? load.Start + schedule.SendAt(point, number) : null;
            if ((due ?? clock.Elapsed) >= load.End)
            {
                break;
            }

            // Open loop: wait for the batch's time; a batch already late (the point's previous one
            // was slow) goes at once, and its latency counts from when it was due.
            if (due is { } at && at > clock.Elapsed)
            {
                await Task.Delay(at - clock.Elapsed, ct);
            }

            var scans = Enumerable.Range(swab, batch).Select(i => new
            {
                clientId = $"p{point:D4}-{i:D7}",
                tubeBarcode = $"SP{point:D4}T{i / poolSize:D6}",
                idNumber = documents[(int)(((long)i * clients + point) % documents.Count)],
                sampledAt = SampledAt.AddSeconds(i),
                samplingPoint = ScanPeakSetup.PointName(point),
                poolSize,
            }).ToList();
            await SendUntilAnsweredAsync(http, new { scans }, scans.Select(s => s.clientId).ToList(), due, tally, clock, random, ct);
        }

        return tally;
    }

    /// <param name="due">The open loop's scheduled send time, from which latency counts (retries and waiting included); null in the closed loop, where it counts from the answered attempt's send, as in the first figures.</param>
    private async Task SendUntilAnsweredAsync(HttpClient http, object body, List<string> ids, TimeSpan? due, Tally tally, Stopwatch clock, Random random, CancellationToken ct)
    {
        var path = new Uri($"/api/v1/testing/rounds/{roundId}/scans", UriKind.Relative);
        for (var attempt = 0; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            var session = Volatile.Read(ref _session);
            var started = clock.Elapsed;
            string? error;
            try
            {
                tally.Requests++;
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
                request.Headers.Add(UnsafeRequestGuard.HeaderName, Volatile.Read(ref _antiforgery));
                using var response = await http.SendAsync(request, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                    var from = due ?? started;
                    tally.Latencies.Add(new Latency(from.TotalSeconds, (clock.Elapsed - from).TotalMilliseconds));
                    Count(answer, tally);
                    tally.Answers.Add((clock.Elapsed.TotalSeconds, ids.Count));
                    return;
                }

                error = $"http-{(int)response.StatusCode}";
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    await SignInAsync(http, session, ct);
                }
                else if ((int)response.StatusCode is >= 400 and < 500)
                {
                    // A refusal that resending cannot cure (a bad token, a bad batch): the benchmark
                    // itself is wrong, and resending it forever would only hide that.
                    throw new InvalidOperationException($"The server refused a batch with {error}: {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                error = "connection-refused";
            }
            catch (HttpRequestException)
            {
                error = "connection-cut";
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                error = "timeout";
            }

            _errors.AddOrUpdate(error, 1, (_, n) => n + 1);

            // The console's back-off: short, growing, with jitter so that 500 points do not return at once.
            await Task.Delay(Math.Min(2000, 100 * (1 << Math.Min(attempt, 4))) + random.Next(100), ct);
        }
    }

    private static void Count(JsonElement answer, Tally tally)
    {
        foreach (var scan in answer.EnumerateArray())
        {
            switch (scan.GetProperty("outcome").GetString())
            {
                case "recorded":
                    tally.Recorded++;
                    tally.Acknowledged.Add(scan.GetProperty("clientId").GetString()!);
                    break;
                case "alreadyRecorded":
                    tally.AlreadyRecorded++;
                    tally.Acknowledged.Add(scan.GetProperty("clientId").GetString()!);
                    break;
                default:
                    tally.Refused++;
                    break;
            }
        }
    }

    /// <summary>Signs in once for everyone; a client that saw the session fail after another signed in again just retries.</summary>
    private async Task SignInAsync(HttpClient http, int failedSession, CancellationToken ct)
    {
        await _signIn.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _session) != failedSession)
            {
                return;
            }

            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync(new Uri("/api/v1/session", UriKind.Relative), new { userName, password }, ct);
                    if (response.StatusCode == HttpStatusCode.NoContent)
                    {
                        Volatile.Write(ref _antiforgery, response.Headers.GetValues(UnsafeRequestGuard.HeaderName).Single());
                        Interlocked.Increment(ref _session);
                        return;
                    }

                    log($"sign-in answered {(int)response.StatusCode}");
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!ct.IsCancellationRequested)
                {
                    // A sign-in slower than the client's timeout (password hashing on a loaded machine): try again.
                }

                await Task.Delay(200, ct);
            }
        }
        finally
        {
            _signIn.Release();
        }
    }

    public void Dispose() => _signIn.Dispose();
}
