using System.Security.Cryptography;
using System.Text;
using Fangkong.Data;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// The name of a provider's migrated template: <c>fk_template_</c> and the first 16 hex digits of a
/// SHA-256 over every migration's version and text. A changed, added or removed migration gives a new
/// name, so a stale template is never copied; the same migrations give the same name in every
/// checkout and process, which is safe because the same migrations build the same database.
/// </summary>
internal static class TemplateName
{
    public const string Prefix = "fk_template_";

    // Changed when the way a template is built changes, so that templates of the old way are not reused.
    private const string Format = "v1";

    public static string For(DatabaseProvider provider) => For(provider, Migrator.Available(provider));

    public static string For(DatabaseProvider provider, IEnumerable<Migration> migrations)
    {
        var text = new StringBuilder().Append(Format).Append('\n').Append(provider).Append('\n');
        foreach (var migration in migrations)
        {
            // Lengths keep "a" + "bc" apart from "ab" + "c".
            text.Append(migration.Version).Append('\n').Append(migration.Sql.Length).Append('\n').Append(migration.Sql).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Prefix + Convert.ToHexStringLower(hash)[..16];
    }
}
