namespace Fangkong.Demo.Drills;

/// <summary>
/// The parameters of a drill (演练): what a command centre would try. Read from JSON (camelCase)
/// or from <c>simulate</c>'s options; <see cref="Check"/> names the first bad field.
/// </summary>
/// <param name="Name">The plan's name in the report.</param>
/// <param name="People">Residents of the synthetic city.</param>
/// <param name="Days">Days simulated from 2022-03-01.</param>
/// <param name="Seed">The seed of every draw: the same seed and parameters give the same report.</param>
/// <param name="InitialInfections">Hidden infections on the first day.</param>
/// <param name="PoolSize">People per tube in the citywide rounds (1 to 20).</param>
/// <param name="LabTubesPerDay">Tubes the labs test a day: people beyond tubes × pool size are not tested that day.</param>
/// <param name="SamplingPoints">Sampling points: each swabs <see cref="SwabsPerPoint"/> people a day.</param>
/// <param name="QuarantineRooms">Central quarantine rooms, open from the first day.</param>
/// <param name="ShelterBeds">Shelter-hospital beds, open from the first day.</param>
/// <param name="TransferVehicles">Transfer vehicles, each carrying <see cref="Seats"/> people a trip of <see cref="TripHours"/> hours.</param>
/// <param name="DaysToControl">Days from a positive report until its close contacts are identified and controlled (0: the same evening).</param>
public sealed record DrillPlan(
    string Name = "plan",
    int People = 20_000,
    int Days = 21,
    int Seed = 1,
    int InitialInfections = 20,
    int PoolSize = 10,
    int LabTubesPerDay = 2_000,
    int SamplingPoints = 10,
    int QuarantineRooms = 300,
    int ShelterBeds = 200,
    int TransferVehicles = 5,
    int DaysToControl = 0)
{
    public const int SwabsPerPoint = 1_500;
    public const int Seats = 10;
    public const int TripHours = 2;
    public const int MaxDays = 46;

    /// <summary>The first bad field and why, or null.</summary>
    public string? Check() =>
        string.IsNullOrWhiteSpace(Name) ? "name: a name for the plan"
        : People is < 1_000 or > 5_000_000 ? "people: from 1,000 to 5,000,000 residents"
        : Days is < 1 or > MaxDays ? $"days: from 1 to {MaxDays}"
        : InitialInfections is < 1 or > 100_000 ? "initialInfections: from 1 to 100,000"
        : PoolSize is < 1 or > 20 ? "poolSize: from 1 to 20"
        : LabTubesPerDay is < 1 or > 10_000_000 ? "labTubesPerDay: from 1 to 10,000,000"
        : SamplingPoints is < 1 or > 100_000 ? "samplingPoints: from 1 to 100,000"
        : QuarantineRooms is < 0 or > 1_000_000 ? "quarantineRooms: from 0 to 1,000,000"
        : ShelterBeds is < 0 or > 1_000_000 ? "shelterBeds: from 0 to 1,000,000"
        : TransferVehicles is < 1 or > 10_000 ? "transferVehicles: from 1 to 10,000"
        : DaysToControl is < 0 or > 7 ? "daysToControl: from 0 to 7"
        : null;

    /// <summary>People the city can test a day: the fewer of the points' swabs and the labs' tubes × pool size.</summary>
    public int TestedPerDay => (int)Math.Min((long)SamplingPoints * SwabsPerPoint, (long)LabTubesPerDay * PoolSize);
}
