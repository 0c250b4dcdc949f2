using System.Collections.Concurrent;

namespace Fangkong.Data;

/// <summary>
/// The SQLite file holds a city's identity numbers and the pass-signing key's ring, so on Unix it is
/// readable by the service user alone: the file is created 0600 before SQLite opens it (SQLite gives
/// its -journal, -wal and -shm files the mode of the database file), a folder the product creates is
/// 0700, and a file left more open by an older version is narrowed on first use.
/// </summary>
internal static class SqliteFilePermissions
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly string[] Companions = [string.Empty, "-journal", "-wal", "-shm"];

    // Options are built per DbContext; the file system is touched once per path and process.
    private static readonly ConcurrentDictionary<string, bool> Prepared = new(StringComparer.Ordinal);

    public static void Prepare(string path)
    {
        if (string.IsNullOrEmpty(path) || path.StartsWith(':') || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (Prepared.ContainsKey(full))
        {
            return;
        }

        if (Path.GetDirectoryName(full) is { } folder && !Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, FolderMode);
            }
        }

        if (!OperatingSystem.IsWindows())
        {
            try
            {
                // An empty file is a valid new SQLite database.
                using var created = new FileStream(full, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
            }
            catch (IOException) when (File.Exists(full))
            {
                // It exists already (or another process created it first): narrowed below.
            }

            foreach (var suffix in Companions)
            {
                var file = full + suffix;
                if (File.Exists(file) && (File.GetUnixFileMode(file) & ~FileMode) != 0)
                {
                    File.SetUnixFileMode(file, FileMode);
                }
            }
        }

        Prepared.TryAdd(full, true);
    }
}
