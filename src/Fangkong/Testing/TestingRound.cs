namespace Fangkong.Testing;

/// <summary>
/// A round of mass nucleic-acid testing (一轮全员核酸检测) over a region of any level, with a
/// deadline (24 h by default) and the pool size its tubes use unless a tube says otherwise.
/// Not jurisdiction-filtered as such: a round over a city concerns every county in it, so the
/// use cases show a round to anyone whose region overlaps its area.
/// </summary>
public sealed class TestingRound
{
    public const int NameMaxLength = 100;
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(24);

    private TestingRound()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
        CreatedBy = string.Empty;
    }

    public TestingRound(string name, string regionCode, DateTimeOffset startsAt, DateTimeOffset deadline, int poolSize, string createdBy)
    {
        Name = name;
        RegionCode = regionCode;
        StartsAt = startsAt.ToUniversalTime();
        Deadline = deadline.ToUniversalTime();
        PoolSize = poolSize;
        CreatedBy = createdBy;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public string RegionCode { get; private set; }

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public int PoolSize { get; private set; }

    public string CreatedBy { get; private set; }

    /// <summary>True when the round's area and the region overlap (one contains the other).</summary>
    public bool Concerns(string region) =>
        region.StartsWith(RegionCode, StringComparison.Ordinal) || RegionCode.StartsWith(region, StringComparison.Ordinal);
}
