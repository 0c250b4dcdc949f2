using Fangkong.Access;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Authorization;

/// <summary>
/// Who may call each operation of the API, one row per operation, kept by hand in
/// permission-table.tsv: a permission of <see cref="Permissions"/> (its roles), "signed-in" (every
/// role) or "anyone" (no sign-in). A new endpoint needs a new row: the suite fails until it has one.
/// </summary>
public sealed class PermissionTable
{
    public const string FileName = "permission-table.tsv";
    public const string SignedIn = "signed-in";
    public const string Anyone = "anyone";

    private readonly Dictionary<string, string> _rows;

    private PermissionTable(Dictionary<string, string> rows) => _rows = rows;

    public static string FilePath => Path.Combine(PostgresServer.RepositoryRoot(), "tests", "Fangkong.IntegrationTests", "Authorization", FileName);

    public IReadOnlyCollection<string> Operations => _rows.Keys;

    public static PermissionTable Load()
    {
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(FilePath))
        {
            number++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length != 2 || !(parts[1] is SignedIn or Anyone || Permissions.All.Contains(parts[1])))
            {
                throw new InvalidOperationException($"{FileName} line {number}: expected 'METHOD /path<TAB>permission|{SignedIn}|{Anyone}', got '{line}'.");
            }

            if (!rows.TryAdd(parts[0], parts[1]))
            {
                throw new InvalidOperationException($"{FileName} line {number}: {parts[0]} appears twice.");
            }
        }

        return new PermissionTable(rows);
    }

    public bool Contains(string operation) => _rows.ContainsKey(operation);

    public bool IsPublic(string operation) => _rows[operation] == Anyone;

    /// <summary>May a signed-in user of <paramref name="role"/> call the operation?</summary>
    public bool Allows(string operation, string role) => _rows[operation] switch
    {
        SignedIn or Anyone => true,
        var permission => Permissions.RolesFor(permission).Contains(role),
    };
}
