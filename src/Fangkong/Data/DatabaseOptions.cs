using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Settings;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Data;

/// <summary>
/// The <c>Database</c> section: which database, as <c>sqlite:PATH</c> or <c>postgres:CONNECTION-STRING</c>.
/// The CLI's <c>--database</c> flag wins over it, and the <c>FANGKONG_DATABASE</c> environment
/// variable over the file (<see cref="FangkongConfiguration"/>).
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    [Required]
    public string Connection { get; set; } = DatabaseSettings.Default;

    /// <summary>The flag if given, else the configured setting; a bad value throws, naming the setting.</summary>
    public static DatabaseSettings Resolve(string? commandLine, IConfiguration configuration)
    {
        if (commandLine is not null)
        {
            try
            {
                return DatabaseSettings.Parse(commandLine);
            }
            catch (FormatException e)
            {
                throw new FormatException($"--database: {e.Message}", e);
            }
        }

        return DatabaseSettings.Parse(SettingsBinder.Read<DatabaseOptions>(configuration, Section).Connection);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? failure = null;
        try
        {
            DatabaseSettings.Parse(Connection);
        }
        catch (FormatException e)
        {
            // Not e.Message: it repeats the whole setting, password included.
            var detail = e.InnerException is ArgumentException inner ? $" ({inner.Message})" : string.Empty;
            failure = SettingMessages.Invalid(
                $"{Section}:{nameof(Connection)} ({DatabaseSettings.EnvironmentVariable})", Redacted(Connection),
                "sqlite:PATH or postgres:CONNECTION-STRING, e.g. postgres:Host=localhost;Database=fangkong;Username=fangkong" + detail);
        }

        if (failure is not null)
        {
            yield return new ValidationResult(failure);
        }
    }

    /// <summary>A refused setting is shown without anything after "Password=", since it lands in logs.</summary>
    private static string Redacted(string setting)
    {
        var at = setting.IndexOf("password=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? setting : setting[..(at + "password=".Length)] + "***";
    }
}
