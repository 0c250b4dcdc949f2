using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Privacy;

/// <summary>The roles the shared web test world has no user for (dispatcher, checkpoint officer, inspector), added per test.</summary>
internal static class PrivacyUsers
{
    public const string Dispatcher = "dispatcher";
    public const string Checkpoint = "checkpoint";
    public const string Inspector = "inspector";

    /// <summary>Every masked role that may open the resident register, by user name.</summary>
    public static IReadOnlyList<string> MaskedRegisterReaders { get; } = ["county", "community", "sampler", Dispatcher, Checkpoint];

    public static async Task AddAsync(TestDatabase database)
    {
        await TestUsers.AddAsync(database, (Dispatcher, Roles.Dispatcher, WebTestData.County), (Checkpoint, Roles.CheckpointOfficer, WebTestData.County), (Inspector, Roles.Inspector, WebTestData.County));
    }
}
