using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine.Transfers;

/// <summary>What a transfer vehicle is doing.</summary>
public enum VehicleState
{
    /// <summary>At its base, disinfected, crew ready: may take a batch.</summary>
    Available,

    /// <summary>On a transfer (a batch assigned and not yet delivered).</summary>
    OnTrip,

    /// <summary>Back from a trip, being disinfected.</summary>
    Disinfecting,

    /// <summary>Broken down, no crew, or withdrawn.</summary>
    OutOfService,
}

/// <summary>
/// A transfer vehicle (转运车辆) of a county's fleet: plate, seats for passengers (crew not
/// counted), crew in words (driver, escort, medical staff), and its state. A batch never holds
/// more people than <see cref="Capacity"/>; only an available vehicle takes a batch.
/// </summary>
public sealed class Vehicle : IRegionScoped
{
    public const int CrewMaxLength = 200;
    public const int MaxCapacity = 60;

    private Vehicle()
    {
        Plate = string.Empty;
        Crew = string.Empty;
        RegionCode = string.Empty;
    }

    public Vehicle(string plate, int capacity, string crew, string regionCode)
    {
        Plate = plate;
        Capacity = capacity;
        Crew = crew;
        RegionCode = regionCode;
        State = VehicleState.Available;
    }

    public long Id { get; private set; }

    public string Plate { get; private set; }

    /// <summary>Passenger seats usable for people in quarantine.</summary>
    public int Capacity { get; private set; }

    public string Crew { get; private set; }

    /// <summary>The region of the fleet (usually the county).</summary>
    public string RegionCode { get; private set; }

    public VehicleState State { get; private set; }

    /// <summary>When the last disinfection after a trip was recorded done (China's 车辆消毒 between trips).</summary>
    public DateTimeOffset? DisinfectedAt { get; private set; }

    /// <summary>Who recorded the last disinfection done.</summary>
    public string? DisinfectedBy { get; private set; }

    /// <summary>
    /// The disinfection after a trip is done: the vehicle is on standby (待命) again and takes the next batch.
    /// Only a vehicle being disinfected can be; who and when are kept for the fleet's record.
    /// </summary>
    public Error? Disinfected(string by, DateTimeOffset at)
    {
        if (State != VehicleState.Disinfecting)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.vehicle-not-disinfecting", Plate));
        }

        State = VehicleState.Available;
        DisinfectedAt = at;
        DisinfectedBy = by;
        return null;
    }

    public Error? StartTrip()
    {
        if (State != VehicleState.Available)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.vehicle-not-available", Plate, State));
        }

        State = VehicleState.OnTrip;
        return null;
    }

    /// <summary>A vehicle that delivered its batch goes to disinfection before the next trip.</summary>
    public void EndTrip()
    {
        if (State == VehicleState.OnTrip)
        {
            State = VehicleState.Disinfecting;
        }
    }

    /// <summary>Disinfected, back in service, out of service, or a new crew: a dispatcher's change.</summary>
    public Error? Set(VehicleState state, string? crew)
    {
        if (State == VehicleState.OnTrip && state != VehicleState.OnTrip)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.vehicle-trip-change-after-delivery", Plate));
        }

        if (state == VehicleState.OnTrip && State != VehicleState.OnTrip)
        {
            return Error.Invalid("state", ErrorText.Of("error.quarantine.vehicle-goes-trip-dispatching-batch"));
        }

        State = state;
        if (!string.IsNullOrWhiteSpace(crew))
        {
            Crew = crew.Trim();
        }

        return null;
    }
}
