namespace Fangkong.Accountability;

/// <summary>The kinds of responsibility the notices name (DOMAIN §7).</summary>
public enum ResponsibilityKind
{
    /// <summary>直接责任.</summary>
    Direct,

    /// <summary>领导责任.</summary>
    Leadership,

    /// <summary>监管责任.</summary>
    Supervisory,

    /// <summary>属地责任.</summary>
    Territorial,

    /// <summary>主体责任 (the organisation's own).</summary>
    Principal,

    /// <summary>主要领导责任 (问责条例: the leader in charge of the work).</summary>
    MainLeadership,

    /// <summary>重要领导责任 (问责条例: a leader who took part in it).</summary>
    ImportantLeadership,
}

public static class ResponsibilityKinds
{
    public static string Zh(ResponsibilityKind kind) => kind switch
    {
        ResponsibilityKind.Direct => "直接责任",
        ResponsibilityKind.Leadership => "领导责任",
        ResponsibilityKind.Supervisory => "监管责任",
        ResponsibilityKind.Territorial => "属地责任",
        ResponsibilityKind.Principal => "主体责任",
        ResponsibilityKind.MainLeadership => "主要领导责任",
        ResponsibilityKind.ImportantLeadership => "重要领导责任",
        _ => kind.ToString(),
    };

    public static bool TryParse(string? text, out ResponsibilityKind kind)
    {
        kind = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        foreach (var k in Enum.GetValues<ResponsibilityKind>())
        {
            if (string.Equals(k.ToString(), value, StringComparison.OrdinalIgnoreCase) || Zh(k) == value)
            {
                kind = k;
                return true;
            }
        }

        return false;
    }
}
