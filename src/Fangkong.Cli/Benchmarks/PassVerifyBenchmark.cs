using System.Diagnostics;
using System.Security.Cryptography;
using Fangkong.Passes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench pass-verify</c>: offline verifications of signed passes per second by the full
/// <see cref="PassVerifier"/> (parse the token, check the signature, the validity at the scan
/// time, the checkpoint's region, the revocation list), against the bare signature check
/// (<see cref="ECDsa.VerifyData(byte[], byte[], HashAlgorithmName, DSASignatureFormat)"/> on the
/// same payload and signature bytes) in the same run. One thread, as a checkpoint device runs it.
/// </summary>
internal static class PassVerifyBenchmark
{
    public sealed record Report(
        string Name, int Passes, int Revoked, int Runs, double VerificationsPerSecond, double BaselinePerSecond, double Ratio,
        IReadOnlyList<double> RunVerificationsPerSecond, IReadOnlyList<double> RunBaselinePerSecond, int Processors);

    public static Report Run(int passes, int runs, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var from = new DateTimeOffset(2022, 4, 1, 0, 0, 0, TimeSpan.Zero);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string[] counties = ["220202", "220203", "220204", "220211"];
        var tokens = new string[passes];
        var payloads = new byte[passes][];
        var signatures = new byte[passes][];
        for (var i = 0; i < passes; i++)
        {
            var token = new PassToken("k1", i + 1, (PassKind)(1 + (i % 5)), from, from.AddDays(7), [counties[i % counties.Length]], $"吉B{10000 + i % 90000}", "张* 220204********1234");
            tokens[i] = token.Sign(key);
            if (!PassToken.TrySplit(tokens[i], out var payload, out var signature))
            {
                throw new InvalidOperationException("A freshly signed token did not parse.");
            }

            (payloads[i], signatures[i]) = (payload, signature);
        }

        // One pass in a hundred revoked, as a checkpoint's list would hold.
        var revoked = Enumerable.Range(1, passes).Where(i => i % 100 == 0).Select(i => (long)i).ToList();
        using var verifier = new PassVerifier([new PublicKeyInfo("k1", key.ExportSubjectPublicKeyInfo(), from, null)], revoked);
        using var publicKey = ECDsa.Create();
        publicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        var at = from.AddDays(1);
        log($"{passes:N0} signed passes, {revoked.Count:N0} revoked; {runs} run(s)");

        var full = new List<double>();
        var bare = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var allowed = 0;
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < passes; i++)
            {
                // Checkpoints sit in 船营区 (220204): three passes in four are refused for region, after the signature check.
                if (verifier.Verify(tokens[i], "220204003001", at).Allowed)
                {
                    allowed++;
                }
            }

            watch.Stop();
            full.Add(passes / watch.Elapsed.TotalSeconds);

            var valid = 0;
            watch.Restart();
            for (var i = 0; i < passes; i++)
            {
                if (publicKey.VerifyData(payloads[i], signatures[i], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
                {
                    valid++;
                }
            }

            watch.Stop();
            bare.Add(passes / watch.Elapsed.TotalSeconds);
            if (valid != passes || allowed == 0)
            {
                throw new InvalidOperationException($"Benchmark self-check failed: {valid} of {passes} signatures valid, {allowed} allowed.");
            }

            log($"run {run}: verifier {full[^1]:N0}/s, bare signature {bare[^1]:N0}/s ({allowed:N0} allowed)");
        }

        var median = Median(full);
        var baseline = Median(bare);
        return new Report("pass-verify", passes, revoked.Count, runs, Math.Round(median), Math.Round(baseline), Math.Round(median / baseline, 3), full, bare, Environment.ProcessorCount);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
