using Fangkong.Access;

namespace Fangkong.Passes;

/// <summary>A checkpoint (卡点): where it is, optional coordinates for the distance checks, and who is on duty.</summary>
public sealed class Checkpoint : IRegionScoped
{
    public const int NameMaxLength = 100;
    public const int LocationMaxLength = 200;
    public const int OnDutyMaxLength = 200;

    private Checkpoint()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
        Location = string.Empty;
        OnDuty = string.Empty;
    }

    public Checkpoint(string name, string regionCode, string location, double? latitude, double? longitude)
    {
        Name = name;
        RegionCode = regionCode;
        Location = location;
        Latitude = latitude;
        Longitude = longitude;
        OnDuty = string.Empty;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public string RegionCode { get; private set; }

    public string Location { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    /// <summary>Names of the staff on duty now, as the duty leader enters them.</summary>
    public string OnDuty { get; private set; }

    public void SetDuty(string onDuty) => OnDuty = onDuty;

    /// <summary>Great-circle distance in kilometres, or null when either place has no coordinates.</summary>
    public static double? DistanceKm(double? lat1, double? lon1, double? lat2, double? lon2)
    {
        if (lat1 is not { } a1 || lon1 is not { } o1 || lat2 is not { } a2 || lon2 is not { } o2)
        {
            return null;
        }

        const double EarthRadiusKm = 6371.0;
        var dLat = double.DegreesToRadians(a2 - a1);
        var dLon = double.DegreesToRadians(o2 - o1);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2))
            + (Math.Cos(double.DegreesToRadians(a1)) * Math.Cos(double.DegreesToRadians(a2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}

/// <summary>One scan at a checkpoint: allowed or refused, and why. Scoped to the checkpoint's region.</summary>
public sealed class PassScan : IRegionScoped
{
    public const int ClientIdMaxLength = 64;
    public const int ReasonMaxLength = 100;
    public const int OfficerMaxLength = 256;

    private PassScan()
    {
        ClientId = string.Empty;
        RegionCode = string.Empty;
        Reason = string.Empty;
        Officer = string.Empty;
    }

    public PassScan(string clientId, Checkpoint checkpoint, DateTimeOffset scannedAt, PassCheck check, string officer, DateTimeOffset receivedAt, byte[]? tokenHash = null, long? replayOf = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(check);
        ClientId = clientId;
        CheckpointId = checkpoint.Id;
        RegionCode = checkpoint.RegionCode;
        ScannedAt = scannedAt.ToUniversalTime();
        PassId = check.Pass?.PassId;
        Allowed = check.Allowed;
        Verdict = check.Verdict;
        Reason = check.Reason;
        Officer = officer;
        ReceivedAt = receivedAt.ToUniversalTime();
        TokenHash = tokenHash;
        ReplayOf = replayOf;
    }

    public long Id { get; private set; }

    /// <summary>
    /// Chosen by the scanning device, so that an upload retried after a lost answer is not logged
    /// twice. Unique per checkpoint among first uses (<see cref="ReplayOf"/> null).
    /// </summary>
    public string ClientId { get; private set; }

    public long CheckpointId { get; private set; }

    public string RegionCode { get; private set; }

    public DateTimeOffset ScannedAt { get; private set; }

    /// <summary>The pass id read from the token, when it could be read (even from a forged one).</summary>
    public long? PassId { get; private set; }

    public bool Allowed { get; private set; }

    public PassVerdict Verdict { get; private set; }

    public string Reason { get; private set; }

    public string Officer { get; private set; }

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>SHA-256 of the token text the client id was first used with; null on scans logged before it was kept.</summary>
    public byte[]? TokenHash { get; private set; }

    /// <summary>For a refused re-use of a client id with another token: the scan that first used the id.</summary>
    public long? ReplayOf { get; private set; }
}
