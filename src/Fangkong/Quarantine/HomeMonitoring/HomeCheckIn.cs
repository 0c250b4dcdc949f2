using Fangkong.Access;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// A day's health report of a person watched at home (每日健康打卡): temperature and symptoms.
/// One per watch and day; a later report of the same day replaces the values and keeps the first
/// report's time too, so a correction is visible.
/// </summary>
public sealed class HomeCheckIn : IRegionScoped
{
    public const int SymptomsMaxLength = 200;

    /// <summary>Fever (发热) from 37.3 °C, as the diagnosis plans count it.</summary>
    public const decimal FeverFrom = 37.3m;

    public const decimal MinTemperature = 34.0m;
    public const decimal MaxTemperature = 43.0m;

    private HomeCheckIn()
    {
        RegionCode = string.Empty;
        RecordedBy = string.Empty;
    }

    public HomeCheckIn(long watchId, string regionCode, DateOnly day, decimal temperature, string? symptoms, string recordedBy, DateTimeOffset recordedAt)
    {
        WatchId = watchId;
        RegionCode = regionCode;
        Day = day;
        FirstRecordedAt = recordedAt.ToUniversalTime();
        RecordedBy = recordedBy;
        Set(temperature, symptoms, recordedBy, recordedAt);
    }

    public long Id { get; private set; }

    public long WatchId { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly Day { get; private set; }

    /// <summary>Body temperature in °C, one decimal.</summary>
    public decimal Temperature { get; private set; }

    /// <summary>Symptoms named by the person, comma-separated; null when none.</summary>
    public string? Symptoms { get; private set; }

    public bool Fever => Temperature >= FeverFrom;

    /// <summary>True when the report needs a doctor's call: fever or any symptom.</summary>
    public bool Abnormal => Fever || Symptoms is not null;

    public string RecordedBy { get; private set; }

    public DateTimeOffset FirstRecordedAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Sets the values; true when they changed.</summary>
    public bool Set(decimal temperature, string? symptoms, string recordedBy, DateTimeOffset recordedAt)
    {
        var normalised = string.IsNullOrWhiteSpace(symptoms) ? null : symptoms.Trim();
        if (Temperature == temperature && Symptoms == normalised && RecordedAt != default)
        {
            return false;
        }

        Temperature = temperature;
        Symptoms = normalised;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt.ToUniversalTime();
        return true;
    }
}
