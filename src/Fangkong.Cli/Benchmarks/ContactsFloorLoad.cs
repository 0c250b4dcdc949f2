using Fangkong.Data;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The storage floor of the contacts import: the contacts it wrote, already checked and given
/// their quarantine order, copied into a twin of <c>contacts</c> (see <see cref="StorageFloor"/>).
/// </summary>
internal static class ContactsFloorLoad
{
    public const string Name = "binary COPY of the imported rows into a table with contacts' indexes and foreign key";
    public const string SqliteName = "prepared inserts of the imported rows into a table with contacts' indexes and foreign key";

    public static Task<TimeSpan> RunAsync(DatabaseSettings settings, CancellationToken ct) => StorageFloor.RunAsync(settings, new StorageFloor.Twin(
        "contacts",
        "contact_no, kind, source_case_no, source_contact_no, id_number, name, region_code, exposure_on, identified_on, released_on, " +
        "policy_version_id, quarantine_place, central_days, home_days, central_test_days, home_test_days",
        [
            NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
            NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
            NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        ],
        ["FOREIGN KEY (policy_version_id) REFERENCES policy_versions (id) ON DELETE RESTRICT"]), ct);
}
