namespace Fangkong.Demo.Replay;

/// <summary>
/// The seed of a day's random stream, mixed from the run's seed and the day. Not
/// <see cref="HashCode.Combine{T1, T2}"/>: that one is salted per process, so the same seed would
/// give another replay (and another drill report) in the next run of the command.
/// </summary>
internal static class ReplaySeed
{
    public static int Of(int seed, int day, int stream)
    {
        unchecked
        {
            // FNV-1a over the three numbers' bytes: stable across processes and platforms.
            var hash = 2166136261u;
            foreach (var value in (ReadOnlySpan<int>)[seed, day, stream])
            {
                for (var shift = 0; shift < 32; shift += 8)
                {
                    hash = (hash ^ (byte)(value >> shift)) * 16777619u;
                }
            }

            return (int)(hash & int.MaxValue);
        }
    }
}
