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

    private AuditEntry()
    {
        UserName = string.Empty;
        Action = string.Empty;
        Entity = string.Empty;
        EntityKey = string.Empty;
    }

    public AuditEntry(DateTimeOffset at, string userName, string action, string entity, string entityKey, string? before, string? after, string? regionCode)
    {
        At = at;
        UserName = userName;
        Action = action;
        Entity = entity;
        EntityKey = entityKey;
        Before = before;
        After = after;
        RegionCode = regionCode;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string UserName { get; private set; }

    /// <summary>insert, update, delete, read, import, login.</summary>
    public string Action { get; private set; }

    public string Entity { get; private set; }

    public string EntityKey { get; private set; }

    public string? Before { get; private set; }

    public string? After { get; private set; }

    public string? RegionCode { get; private set; }
}
