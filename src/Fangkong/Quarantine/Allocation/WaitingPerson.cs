namespace Fangkong.Quarantine.Allocation;

/// <summary>Someone who needs a room or bed, with the home position when known (compound, else region).</summary>
public sealed record WaitingPerson(PlacementSubject Subject, GeoPoint? Home)
{
    /// <summary>The person's city: the four-digit prefix of the home region.</summary>
    public string CityCode => Subject.RegionCode.Length >= 4 ? Subject.RegionCode[..4] : Subject.RegionCode;
}
