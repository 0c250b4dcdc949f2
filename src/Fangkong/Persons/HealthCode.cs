namespace Fangkong.Persons;

/// <summary>Risk colour of a person's health code (健康码).</summary>
public enum HealthCode
{
    Green,
    Yellow,
    Red,
}
