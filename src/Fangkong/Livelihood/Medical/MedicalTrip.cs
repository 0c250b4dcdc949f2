using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Livelihood.Requests;

namespace Fangkong.Livelihood.Medical;

/// <summary>What the patient needs the hospital for.</summary>
public enum MedicalNeed
{
    /// <summary>急危重症.</summary>
    Emergency,

    /// <summary>血液透析: regular sessions.</summary>
    Dialysis,

    /// <summary>放化疗.</summary>
    Chemotherapy,

    /// <summary>孕产妇待产.</summary>
    Childbirth,

    /// <summary>慢性病复诊.</summary>
    ChronicCare,

    Other,
}

/// <summary>
/// A trip to hospital from a sealed or controlled area (就医绿色通道), for a medical-care request:
/// the need, the designated hospital, the vehicle and the times — requested, dispatched, arrived,
/// admitted. A non-emergency trip may wait for a test result (<see cref="HeldForTest"/>); an
/// emergency never does. Scoped by the request's region.
/// </summary>
public sealed class MedicalTrip : IRegionScoped
{
    public const int HospitalMaxLength = 100;
    public const int VehicleMaxLength = 50;

    private MedicalTrip()
    {
        RegionCode = string.Empty;
        Hospital = string.Empty;
    }

    internal MedicalTrip(ResidentRequest request, MedicalNeed need, string hospital, bool heldForTest)
    {
        RequestId = request.Id;
        RegionCode = request.RegionCode;
        Need = need;
        Emergency = request.Urgency == RequestUrgency.Emergency || need == MedicalNeed.Emergency;
        Hospital = hospital;
        HeldForTest = heldForTest;
        RequestedAt = request.ReceivedAt;
    }

    public long Id { get; private set; }

    public long RequestId { get; private set; }

    public string RegionCode { get; private set; }

    public MedicalNeed Need { get; private set; }

    public bool Emergency { get; private set; }

    /// <summary>The designated hospital (定点医院).</summary>
    public string Hospital { get; private set; }

    public string? Vehicle { get; private set; }

    /// <summary>Waiting for a nucleic-acid result before the trip (never for an emergency).</summary>
    public bool HeldForTest { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? ArrivedAt { get; private set; }

    public DateTimeOffset? AdmittedAt { get; private set; }

    /// <summary>An emergency whose trip is opened while its result is awaited is refused: the test is done at the hospital.</summary>
    internal static Error? HoldError(bool emergency, bool heldForTest) =>
        emergency && heldForTest ? Error.Invalid("heldForTest", ErrorText.Of("error.livelihood.medical-emergency-never-held")) : null;

    public Error? HoldForTest()
    {
        if (HoldError(Emergency, heldForTest: true) is { } refused)
        {
            return refused;
        }

        if (DispatchedAt is not null)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.medical-step-out-of-order", Id, "hold"));
        }

        HeldForTest = true;
        return null;
    }

    public Error? ReleaseHold()
    {
        HeldForTest = false;
        return null;
    }

    public Error? Dispatch(string? vehicle, DateTimeOffset at)
    {
        var plate = vehicle?.Trim() ?? string.Empty;
        if (plate.Length is 0 or > VehicleMaxLength)
        {
            return Error.Invalid("vehicle", ErrorText.Of("error.livelihood.medical-vehicle-needed", VehicleMaxLength));
        }

        if (DispatchedAt is not null)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.medical-step-out-of-order", Id, "dispatch"));
        }

        if (HeldForTest && !Emergency)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.medical-held-for-test", Id));
        }

        Vehicle = plate;
        DispatchedAt = Checked(at, RequestedAt);
        return null;
    }

    public Error? Arrive(DateTimeOffset at)
    {
        if (DispatchedAt is not { } dispatched || ArrivedAt is not null)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.medical-step-out-of-order", Id, "arrive"));
        }

        ArrivedAt = Checked(at, dispatched);
        return null;
    }

    public Error? Admit(DateTimeOffset at)
    {
        if (ArrivedAt is not { } arrived || AdmittedAt is not null)
        {
            return Error.Conflict(ErrorText.Of("error.livelihood.medical-step-out-of-order", Id, "admit"));
        }

        AdmittedAt = Checked(at, arrived);
        return null;
    }

    /// <summary>A step is never recorded before the one it follows (a clock skew gives the earlier time).</summary>
    private static DateTimeOffset Checked(DateTimeOffset at, DateTimeOffset previous) =>
        at < previous ? previous : at.ToUniversalTime();
}
