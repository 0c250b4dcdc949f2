using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Fangkong.Cli.Benchmarks.Pages;

/// <summary>
/// A bounded load generator: a fixed number of virtual users, each signed in with its own cookie,
/// each asking for the pages one after another (a closed loop: a user waits for an answer before
/// the next request), for a fixed time. Traffic goes to the given local address only.
/// </summary>
internal static class PageLoad
{
    /// <summary>One answer: which target, how long it took, and whether it failed (not 2xx, or no answer).</summary>
    public readonly record struct Sample(int Target, double Milliseconds, bool Failed);

    public static async Task<IReadOnlyList<HttpClient>> SignInAsync(Uri baseAddress, int users, string userName, string password, CancellationToken ct)
    {
        var clients = new List<HttpClient>(users);
        for (var i = 0; i < users; i++)
        {
            // Each user has its own cookie container: its own session, as a person at a browser.
            var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
            using var response = await client.PostAsJsonAsync("/api/v1/session", new { userName, password }, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }

            clients.Add(client);
        }

        return clients;
    }

    /// <summary>Every user asks for every target once, unmeasured: caches and plans warm up.</summary>
    public static async Task WarmAsync(IReadOnlyList<HttpClient> clients, IReadOnlyList<PageTargets.Target> targets, CancellationToken ct)
    {
        foreach (var target in targets)
        {
            using var response = await clients[0].GetAsync(target.Path, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
        }
    }

    public static async Task<List<Sample>> RunAsync(IReadOnlyList<HttpClient> clients, IReadOnlyList<PageTargets.Target> targets, TimeSpan duration, CancellationToken ct)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var perUser = clients.Select((client, user) => Task.Run(() => UserLoopAsync(client, user, targets, until, ct), ct)).ToList();
        var all = new List<Sample>();
        foreach (var samples in await Task.WhenAll(perUser))
        {
            all.AddRange(samples);
        }

        return all;
    }

    private static async Task<List<Sample>> UserLoopAsync(HttpClient client, int user, IReadOnlyList<PageTargets.Target> targets, long until, CancellationToken ct)
    {
        var samples = new List<Sample>();

        // Users start at different pages, so that every page is asked for at every moment.
        for (var i = user; Stopwatch.GetTimestamp() < until; i++)
        {
            var target = i % targets.Count;
            var started = Stopwatch.GetTimestamp();
            bool failed;
            try
            {
                using var response = await client.GetAsync(targets[target].Path, HttpCompletionOption.ResponseContentRead, ct);
                failed = !response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                failed = true;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                failed = true;
            }

            samples.Add(new Sample(target, Stopwatch.GetElapsedTime(started).TotalMilliseconds, failed));
        }

        return samples;
    }
}
