using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Data;

/// <summary>
/// Which database to use, from one setting: <c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>
/// (the CLI's <c>--database</c>, else the <c>FANGKONG_DATABASE</c> environment variable, else
/// <c>Database:Connection</c> in appsettings.json: <see cref="DatabaseOptions"/>).
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string EnvironmentVariable = "FANGKONG_DATABASE";
    public const string Default = "sqlite:./data/fangkong.db";

    /// <summary>The setting from the command line if given, else the configuration (file, environment) of this program.</summary>
    public static DatabaseSettings Resolve(string? commandLine) =>
        DatabaseOptions.Resolve(commandLine, Common.Settings.FangkongConfiguration.Build());

    public static DatabaseSettings Parse(string setting)
    {
        ArgumentNullException.ThrowIfNull(setting);
        var colon = setting.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? string.Empty : setting[..colon].Trim().ToLowerInvariant();
        var rest = colon < 0 ? string.Empty : setting[(colon + 1)..].Trim();
        switch (scheme)
        {
            case "sqlite" when rest.Length > 0:
                return new DatabaseSettings(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder
                {
                    DataSource = rest,
                    ForeignKeys = true,
                    Pooling = true,
                }.ToString());
            case "postgres" or "postgresql" when rest.Length > 0:
                try
                {
                    return new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(rest).ToString());
                }
                catch (ArgumentException e)
                {
                    throw new FormatException($"The PostgreSQL connection string is not valid: {e.Message}", e);
                }

            default:
                throw new FormatException(
                    $"Database setting '{setting}' is not understood: use sqlite:PATH or postgres:CONNECTION-STRING (e.g. postgres:Host=localhost;Database=fangkong;Username=fangkong).");
        }
    }

    /// <summary>The SQLite file path, to create its folder before opening.</summary>
    public string? SqlitePath => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnectionStringBuilder(ConnectionString).DataSource
        : null;

    /// <summary>A description without the password, for logs and messages.</summary>
    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"sqlite:{SqlitePath}"
        : $"postgres:{RedactedPostgres()}";

    private string RedactedPostgres()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        if (b.Password is not null)
        {
            b.Password = "***";
        }

        return b.ToString();
    }
}
