using System.Collections;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Fangkong.Common.Settings;

/// <summary>
/// Validates an options object by its DataAnnotations (and <see cref="IValidatableObject"/>, nested
/// options included) and words each failure with the setting's full name, the value and the valid
/// range: the framework's <c>ValidateDataAnnotations</c> names only the class and the member.
/// </summary>
public sealed class SettingsValidator<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        SettingsValidator.Check(options, section, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>The checks of <see cref="SettingsValidator{T}"/>, for an options object of any class.</summary>
public static class SettingsValidator
{
    public static void Check(object options, string path, List<string> failures)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(failures);
        foreach (var property in SettingsBinder.SettingProperties(options.GetType()))
        {
            var value = property.GetValue(options);
            var context = new ValidationContext(options) { MemberName = property.Name };
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(value, context, results))
            {
                failures.Add(SettingMessages.Invalid($"{path}:{property.Name}", value, SettingMessages.Valid(property)));
            }
            else if (value is not null and not string and not IEnumerable && property.PropertyType.IsClass && property.PropertyType != typeof(Uri))
            {
                Check(value, $"{path}:{property.Name}", failures);
            }
        }

        if (failures.Count == 0 && options is IValidatableObject whole)
        {
            // Rules across settings (one bound above another), worded by the options class itself.
            failures.AddRange(whole.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage ?? path));
        }
    }
}
