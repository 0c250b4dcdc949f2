using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fangkong.Data.Concurrency;

/// <summary>
/// Recognises a unique-key violation on either provider: the sign that another request stored
/// the same thing first (a retried or doubled request), not a bug.
/// </summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>The violated key (constraint or columns) when <paramref name="exception"/> is a unique violation, else null.</summary>
    public static string? KeyOf(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg:
                    return pg.ConstraintName ?? pg.TableName ?? "unique key";
                case SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } sqlite:
                    // "UNIQUE constraint failed: table.column, table.column"
                    var colon = sqlite.Message.IndexOf("failed:", StringComparison.Ordinal);
                    return colon < 0 ? "unique key" : sqlite.Message[(colon + "failed:".Length)..].Trim().TrimEnd('.', '\'');
            }
        }

        return null;
    }

    /// <summary>Whether a failed save broke a unique key.</summary>
    public static bool Is(DbUpdateException exception) => KeyOf(exception) is not null;
}
