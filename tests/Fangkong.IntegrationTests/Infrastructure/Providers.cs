using Fangkong.Data;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>Every data test runs once per provider: <c>[Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]</c>.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> Both => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
