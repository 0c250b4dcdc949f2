namespace Fangkong.Auditing;

/// <summary>
/// One line of the append-only audit log: who did what to which record, with the values
/// before and after. The database refuses updates and deletes of this table (triggers).
/// </summary>
public sealed class AuditEntry
{
    public const int ActionMaxLength = 32;
    public const int EntityMaxLength = 64;
    public const int KeyMaxLength = 128;
    public const int UserMaxLength = 256;

    /// <summary>An IPv6 address with a zone id fits; anything longer is cut.</summary>
    public const int ClientAddressMaxLength = 64;

    /// <summary>Enough to tell browsers and scripts apart; user agents can be kilobytes long.</summary>
    public const int UserAgentMaxLength = 256;

    private AuditEntry()
    {
        UserName = string.Empty;
        Action = string.Empty;
        Entity = string.Empty;
        EntityKey = string.Empty;
    }

    public AuditEntry(
        DateTimeOffset at, string userName, string action, string entity, string entityKey, string? before, string? after, string? regionCode,
        ClientInfo? client = null, string? userRegion = null)
    {
        At = at;
        UserName = userName;
        Action = action;
        Entity = entity;
        EntityKey = entityKey;
        Before = before;
        After = after;
        RegionCode = regionCode;
        ClientAddress = Cut(client?.Address, ClientAddressMaxLength);
        UserAgent = Cut(client?.UserAgent, UserAgentMaxLength);
        UserRegion = userRegion;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserName { get; private set; }

    /// <summary>insert, update, delete, read, search, import, refused.</summary>
    public string Action { get; private set; }

    public string Entity { get; private set; }

    public string EntityKey { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? RegionCode { get; private set; }

    /// <summary>The address the request came from (as the host sees it: behind a proxy, set up forwarded headers).</summary>
    public string? ClientAddress { get; private set; }

    /// <summary>The client's User-Agent, cut to <see cref="UserAgentMaxLength"/>.</summary>
    public string? UserAgent { get; private set; }

    /// <summary>
    /// The jurisdiction of the user who acted (their region prefix; empty for the system), so that a
    /// discipline inspector sees what the officials of their jurisdiction did, wherever the record was.
    /// </summary>
    public string? UserRegion { get; private set; }

    private static string? Cut(string? value, int max) => value is { Length: > 0 } v ? (v.Length > max ? v[..max] : v) : null;
}
