using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Data;

/// <summary>
/// Issue 14 item 7: the SQLite file (and its companions) readable by the service user alone. Only
/// SQLite has files of its own, so these run on SQLite alone (PostgreSQL's files are the server's).
/// </summary>
public sealed class SqliteFilePermissionsTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task NewDatabase_InANewFolder_IsCreated0600_InAFolder0700_AndStaysSoAfterWrites()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var folder = Path.Combine(Path.GetTempPath(), $"fangkong-mode-{Guid.NewGuid():N}", "data");
        var file = Path.Combine(folder, "fangkong.db");
        try
        {
            var settings = DatabaseSettings.Parse($"sqlite:{file}");
            await using (var database = await TestDatabaseAt(settings))
            {
                File.GetUnixFileMode(file).ShouldBe(OwnerOnly);
                File.GetUnixFileMode(folder).ShouldBe(OwnerOnly | UnixFileMode.UserExecute);
                foreach (var companion in new[] { "-journal", "-wal", "-shm" }.Select(s => file + s).Where(File.Exists))
                {
                    File.GetUnixFileMode(companion).ShouldBe(OwnerOnly);
                }
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task ExistingWorldReadableFile_IsNarrowedTo0600_OnFirstUse()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var file = Path.Combine(Path.GetTempPath(), $"fangkong-mode-{Guid.NewGuid():N}.db");
        try
        {
            await File.WriteAllBytesAsync(file, []);
            File.SetUnixFileMode(file, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            await using (var database = await TestDatabaseAt(DatabaseSettings.Parse($"sqlite:{file}")))
            {
                File.GetUnixFileMode(file).ShouldBe(OwnerOnly);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    /// <summary>Opens and migrates the database the product's way (writes every table), and returns a context on it.</summary>
    private static async Task<FangkongDbContext> TestDatabaseAt(DatabaseSettings settings)
    {
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<FangkongDbContext>();
        DataServiceCollectionExtensions.Configure(options, settings);
        var db = new FangkongDbContext(options.Options, new Fangkong.Access.FixedJurisdiction(Fangkong.Access.Jurisdiction.System), TimeProvider.System);
        await new Migrator(db, settings, Microsoft.Extensions.Logging.Abstractions.NullLogger<Migrator>.Instance).MigrateAsync("0031");
        return db;
    }
}
