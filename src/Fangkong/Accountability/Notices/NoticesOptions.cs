using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Settings;

namespace Fangkong.Accountability;

/// <summary>
/// The <c>Notices</c> section: the font the PDF notices are set in. Also
/// <c>Notices__CjkFont</c> in the environment, and the older <see cref="EnvironmentVariable"/>
/// (<see cref="FangkongConfiguration.Aliases"/>).
/// </summary>
public sealed class NoticesOptions : IValidatableObject
{
    public const string Section = "Notices";

    public const string EnvironmentVariable = "FANGKONG_CJK_FONT";

    /// <summary>A TrueType CJK font file; empty for the first Debian font found (<see cref="CjkFont"/>).</summary>
    public string CjkFont { get; set; } = string.Empty;

    /// <summary>A named font that is not there stops the start, rather than falling back unseen.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CjkFont.Length > 0 && !File.Exists(CjkFont))
        {
            yield return new ValidationResult(SettingMessages.Invalid(
                $"{Section}:{nameof(CjkFont)} ({EnvironmentVariable})", CjkFont, "an existing TrueType (.ttf) file, or empty for the Debian fonts"));
        }
    }
}
