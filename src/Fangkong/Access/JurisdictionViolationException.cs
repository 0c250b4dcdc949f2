namespace Fangkong.Access;

/// <summary>Thrown when a write touches a record outside the caller's jurisdiction; mapped to 403.</summary>
public sealed class JurisdictionViolationException(string entity, string regionCode, string prefix)
    : Exception($"{entity} in region {regionCode} is outside the jurisdiction {(prefix.Length == 0 ? "(all)" : prefix)}.")
{
    public string RegionCode { get; } = regionCode;
}
