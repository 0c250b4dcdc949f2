using Fangkong.Data;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>The storage floor of the sampling import: a round's swabs copied into a twin of <c>samples</c> (see <see cref="StorageFloor"/>).</summary>
internal static class SamplesFloorLoad
{
    public const string Name = "binary COPY of the resolved rows into a table with samples' indexes and foreign key";
    public const string SqliteName = "prepared inserts of the resolved rows into a table with samples' indexes and foreign key";

    public static Task<TimeSpan> RunAsync(DatabaseSettings settings, long roundId, CancellationToken ct) => StorageFloor.RunAsync(settings, new StorageFloor.Twin(
        "samples",
        "client_id, round_id, tube_id, person_id, document_number, person_region_code, region_code, sampled_at, sampler",
        [
            NpgsqlDbType.Varchar, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.Varchar, NpgsqlDbType.TimestampTz, NpgsqlDbType.Varchar,
        ],
        ["FOREIGN KEY (tube_id) REFERENCES tubes (id) ON DELETE CASCADE"],
        "round_id = @p",
        roundId), ct);
}
