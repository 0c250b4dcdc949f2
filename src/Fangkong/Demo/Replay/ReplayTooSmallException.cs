namespace Fangkong.Demo.Replay;

/// <summary>
/// The population cannot give a day its calibrated infections: the replay stops rather than
/// report fewer than the bulletin did. The message names <c>--people</c>.
/// </summary>
public sealed class ReplayTooSmallException(DateOnly day, int needed, int available)
    : InvalidOperationException(
        $"人口不足：{day:yyyy-MM-dd} 需要 {needed} 名未感染居民，当日采样人群中只有 {available} 名，请增大 --people。 " +
        $"people: too few residents for {day:yyyy-MM-dd} ({needed} new infections needed in the day's third of the city, {available} available); raise --people.")
{
    public DateOnly Day { get; } = day;

    public int Needed { get; } = needed;

    public int Available { get; } = available;
}
