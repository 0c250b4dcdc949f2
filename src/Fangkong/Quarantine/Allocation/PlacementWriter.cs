using System.Data.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Fangkong.Common;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// Writes a run's placements and the new state of their rooms and beds without change tracking
/// (binary COPY and one set-based UPDATE on PostgreSQL, prepared statements on SQLite), inside the
/// caller's transaction. Each room or bed is updated only if it is still as it was read (state
/// and occupants): if another run or a site took it meanwhile, nothing is written and the run
/// is refused, to be run again.
/// </summary>
internal static class PlacementWriter
{
    private static readonly string[] Columns =
    [
        "id", "region_code", "kind", "person_id", "contact_id", "case_id", "name", "severity", "site_id", "section_id", "room_id", "bed_id",
        "dependant_of_placement_id", "dependant_reason", "identified_at", "placed_at", "state", "allocation_run_id", "placed_by", "distance_km",
    ];

    public sealed record SpaceBefore(SpaceState State, int Occupants);

    public static async Task WriteAsync(
        FangkongDbContext db, IReadOnlyList<NewPlacement> placed, IReadOnlyDictionary<Space, SpaceBefore> before, CancellationToken ct)
    {
        if (placed.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Placements are written inside the run's transaction.");
        var spaces = placed.Select(p => p.Space).Distinct().ToList();
        var postgres = connection is Npgsql.NpgsqlConnection;

        // Rooms and beds first: this takes the write lock on SQLite before ids are reserved.
        foreach (var (table, list) in new[] { ("quarantine_rooms", spaces.OfType<QuarantineRoom>().Cast<Space>().ToList()), ("hospital_beds", spaces.OfType<HospitalBed>().Cast<Space>().ToList()) })
        {
            if (list.Count == 0)
            {
                continue;
            }

            var updated = postgres
                ? await UpdatePostgresAsync(connection, transaction, table, list, before, ct)
                : await UpdateSqliteAsync(connection, transaction, table, list, before, ct);
            if (updated != list.Count)
            {
                throw new AllocationConflictException(ErrorText.Of("error.quarantine.rooms-beds-changed-since-they", list.Count - updated));
            }
        }

        var first = await ReserveIdsAsync(connection, transaction, placed.Count, postgres, ct);
        for (var i = 0; i < placed.Count; i++)
        {
            // Carers come before their dependants in the list, so a carer's id is known here.
            placed[i].Placement.AssignId(first + i, placed[i].Carer?.Id);
        }

        if (postgres)
        {
            await CopyAsync((Npgsql.NpgsqlConnection)connection, placed, ct);
        }
        else
        {
            await InsertSqliteAsync(connection, transaction, placed, ct);
        }
    }

    private static async Task<int> UpdatePostgresAsync(
        DbConnection connection, DbTransaction transaction, string table, List<Space> spaces, IReadOnlyDictionary<Space, SpaceBefore> before, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"UPDATE {table} AS s SET state = v.state, occupants = v.occupants, state_changed_at = v.changed_at, version = s.version + 1 " +
            "FROM unnest(@ids, @old_states, @old_occupants, @states, @occupants, @changed) AS v(id, old_state, old_occupants, state, occupants, changed_at) " +
            "WHERE s.id = v.id AND s.state = v.old_state AND s.occupants = v.old_occupants";
        Add(command, "@ids", spaces.Select(s => s.Id).ToArray());
        Add(command, "@old_states", spaces.Select(s => before[s].State.ToString()).ToArray());
        Add(command, "@old_occupants", spaces.Select(s => before[s].Occupants).ToArray());
        Add(command, "@states", spaces.Select(s => s.State.ToString()).ToArray());
        Add(command, "@occupants", spaces.Select(s => s.Occupants).ToArray());
        Add(command, "@changed", spaces.Select(s => s.StateChangedAt.ToUniversalTime()).ToArray());
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> UpdateSqliteAsync(
        DbConnection connection, DbTransaction transaction, string table, List<Space> spaces, IReadOnlyDictionary<Space, SpaceBefore> before, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"UPDATE {table} SET state = @state, occupants = @occupants, state_changed_at = @changed, version = version + 1 " +
            "WHERE id = @id AND state = @old_state AND occupants = @old_occupants";
        var p = new[] { "@state", "@occupants", "@changed", "@id", "@old_state", "@old_occupants" }.Select(n => Add(command, n, DBNull.Value)).ToArray();
        await command.PrepareAsync(ct);
        var count = 0;
        foreach (var space in spaces)
        {
            p[0].Value = space.State.ToString();
            p[1].Value = space.Occupants;
            p[2].Value = space.StateChangedAt.ToUnixTimeMilliseconds();
            p[3].Value = space.Id;
            p[4].Value = before[space].State.ToString();
            p[5].Value = before[space].Occupants;
            count += await command.ExecuteNonQueryAsync(ct);
        }

        return count;
    }

    private static async Task<long> ReserveIdsAsync(DbConnection connection, DbTransaction transaction, int count, bool postgres, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        if (postgres)
        {
            // One range of the identity's sequence for the run. The lock keeps other inserts (which
            // draw from the same sequence) out until the run commits, so the range stays whole.
            command.CommandText =
                "SELECT setval(pg_get_serial_sequence('placements', 'id'), nextval(pg_get_serial_sequence('placements', 'id')) + @n - 1) - @n + 1";
            Add(command, "@n", (long)count);
            await using var lockTable = connection.CreateCommand();
            lockTable.Transaction = transaction;
            lockTable.CommandText = "LOCK TABLE placements IN SHARE ROW EXCLUSIVE MODE";
            await lockTable.ExecuteNonQueryAsync(ct);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        command.CommandText = "SELECT COALESCE(MAX(id), 0) + 1 FROM placements";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static object?[] Fields(Placement p) =>
    [
        p.Id, p.RegionCode, p.Kind.ToString(), p.PersonId, p.ContactId, p.CaseId, p.Name, p.Severity?.ToString(), p.SiteId, p.SectionId, p.RoomId, p.BedId,
        p.DependantOfPlacementId, p.DependantReason?.ToString(), p.IdentifiedAt, p.PlacedAt, p.State.ToString(), p.AllocationRunId, p.PlacedBy, p.DistanceKm,
    ];

    private static async Task CopyAsync(Npgsql.NpgsqlConnection connection, IReadOnlyList<NewPlacement> placed, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY placements ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var item in placed)
        {
            await BinaryCopyRow.WriteAsync(copy, Fields(item.Placement), "placements", ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task InsertSqliteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<NewPlacement> placed, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO placements ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = Columns.Select((_, i) => Add(command, $"@p{i}", DBNull.Value)).ToArray();
        await command.PrepareAsync(ct);
        foreach (var item in placed)
        {
            var fields = Fields(item.Placement);
            for (var i = 0; i < fields.Length; i++)
            {
                parameters[i].Value = fields[i] switch
                {
                    null => DBNull.Value,
                    DateTimeOffset at => at.ToUnixTimeMilliseconds(),
                    var value => value,
                };
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}

/// <summary>Rooms or beds changed between the read and the write of a run: nothing was written; run again.</summary>
public sealed class AllocationConflictException(string message) : Exception(message);
