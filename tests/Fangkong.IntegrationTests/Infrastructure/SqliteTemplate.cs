using Fangkong.Data;
using Microsoft.Data.Sqlite;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// The migrated SQLite template of this machine and set of migrations, a file in the temporary
/// folder that each test copies. Test processes of several checkouts run at once, so one of them
/// builds it under a file lock, into a private file, and moves it into place only when complete:
/// a template that exists is whole.
/// </summary>
internal static class SqliteTemplate
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    private static readonly Lazy<Task<string>> Template = new(EnsureAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder => Path.Combine(Path.GetTempPath(), "fangkong-test-templates");

    /// <summary>Writes a copy of the template (built first if missing) to <paramref name="file"/>.</summary>
    public static async Task CopyToAsync(string file) => File.Copy(await Template.Value, file);

    private static async Task<string> EnsureAsync()
    {
        Directory.CreateDirectory(Folder);
        var template = Path.Combine(Folder, TemplateName.For(DatabaseProvider.Sqlite) + ".db");
        if (File.Exists(template))
        {
            return template;
        }

        await using var held = await LockAsync(template + ".lock");
        if (File.Exists(template))
        {
            return template;
        }

        var building = $"{template}.{Guid.NewGuid():N}.building";
        var snapshot = $"{template}.{Guid.NewGuid():N}.snapshot";
        try
        {
            var settings = DatabaseSettings.Parse($"sqlite:{building}");
            await TestDatabase.MigrateAsync(settings, null);

            // VACUUM INTO writes one self-contained, compact file, whatever still sits in the WAL.
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = building, Pooling = false }.ToString()))
            {
                await connection.OpenAsync();
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO @file";
                vacuum.Parameters.AddWithValue("@file", snapshot);
                await vacuum.ExecuteNonQueryAsync();
            }

            File.Move(snapshot, template);
            return template;
        }
        finally
        {
            using (var pooled = new SqliteConnection(DatabaseSettings.Parse($"sqlite:{building}").ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            foreach (var file in new[] { building, building + "-wal", building + "-shm", snapshot })
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>An exclusive lock between processes: the open file, shared with nobody (flock on Unix).</summary>
    private static async Task<FileStream> LockAsync(string path)
    {
        var until = DateTimeOffset.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTimeOffset.UtcNow < until)
            {
                await Task.Delay(100);
            }
        }
    }
}
