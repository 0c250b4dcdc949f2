namespace Fangkong.Auditing;

public static class AuditActions
{
    public const string Insert = "insert";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Read = "read";
    public const string Import = "import";

    /// <summary>A list of people was shown: the query and the ids shown are recorded.</summary>
    public const string Search = "search";

    /// <summary>An attempt the system refused: a role without the permission, or a record outside the jurisdiction.</summary>
    public const string Refused = "refused";
}
