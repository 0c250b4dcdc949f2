using System.Collections.Frozen;
using System.Reflection;

namespace Fangkong.Access;

/// <summary>
/// Passwords an attacker tries first (common-passwords.txt, written by tools/make-common-passwords.py),
/// compared without regard to case. Loaded once from the assembly, so the list ships with every
/// host and the CLI and needs no file on disk.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<FrozenSet<string>> List = new(Load);

    public static int Count => List.Value.Count;

    public static bool Contains(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        return List.Value.Contains(password.Trim());
    }

    private static FrozenSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fangkong.Access.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                words.Add(line);
            }
        }

        return words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
