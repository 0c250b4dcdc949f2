using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Persons;

/// <summary>
/// Every compound, building and unit with its id, in memory, for the append path of the
/// PostgreSQL import: new ones get their ids here, so persons can be copied with their address
/// ids in one stream, and the new residences are copied after them. The caller holds exclusive
/// locks on the residence tables, so nobody else takes ids meanwhile; the sequences are moved past
/// the ids given out here before the transaction ends.
/// </summary>
internal sealed class PostgresResidenceMap
{
    private readonly Dictionary<(string Region, string Name), long> _compounds = [];
    private readonly Dictionary<(long Compound, string Name), long> _buildings = [];
    private readonly Dictionary<(long Building, string Name), long> _units = [];
    private readonly List<(long Id, string Region, string Name)> _newCompounds = [];
    private readonly List<(long Id, long Parent, string Region, string Name)> _newBuildings = [];
    private readonly List<(long Id, long Parent, string Region, string Name)> _newUnits = [];
    private long _nextCompound;
    private long _nextBuilding;
    private long _nextUnit;

    public int CompoundsCreated => _newCompounds.Count;

    public int BuildingsCreated => _newBuildings.Count;

    public int UnitsCreated => _newUnits.Count;

    public static async Task<PostgresResidenceMap> LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var map = new PostgresResidenceMap();
        foreach (var (id, _, region, name) in await ReadAsync(connection, "SELECT id, 0::bigint, region_code, name FROM compounds", ct))
        {
            map._compounds[(region, name)] = id;
        }

        foreach (var (id, parent, _, name) in await ReadAsync(connection, "SELECT id, compound_id, region_code, name FROM buildings", ct))
        {
            map._buildings[(parent, name)] = id;
        }

        foreach (var (id, parent, _, name) in await ReadAsync(connection, "SELECT id, building_id, region_code, name FROM building_units", ct))
        {
            map._units[(parent, name)] = id;
        }

        map._nextCompound = await NextIdAsync(connection, "compounds", ct);
        map._nextBuilding = await NextIdAsync(connection, "buildings", ct);
        map._nextUnit = await NextIdAsync(connection, "building_units", ct);
        return map;
    }

    /// <summary>The ids of the row's compound, building and unit, giving new ones where needed.</summary>
    public (long? Compound, long? Building, long? Unit) Resolve(PersonRow row)
    {
        if (row.Compound is null)
        {
            return (null, null, null);
        }

        if (!_compounds.TryGetValue((row.RegionCode, row.Compound), out var compound))
        {
            compound = _nextCompound++;
            _compounds[(row.RegionCode, row.Compound)] = compound;
            _newCompounds.Add((compound, row.RegionCode, row.Compound));
        }

        if (row.Building is null)
        {
            return (compound, null, null);
        }

        if (!_buildings.TryGetValue((compound, row.Building), out var building))
        {
            building = _nextBuilding++;
            _buildings[(compound, row.Building)] = building;
            _newBuildings.Add((building, compound, row.RegionCode, row.Building));
        }

        if (row.Unit is null)
        {
            return (compound, building, null);
        }

        if (!_units.TryGetValue((building, row.Unit), out var unit))
        {
            unit = _nextUnit++;
            _units[(building, row.Unit)] = unit;
            _newUnits.Add((unit, building, row.RegionCode, row.Unit));
        }

        return (compound, building, unit);
    }

    /// <summary>Writes the residences given out, parents first, and moves the sequences past them.</summary>
    public async Task SaveAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var copy = await connection.BeginBinaryImportAsync("COPY compounds (id, region_code, name) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (id, region, name) in _newCompounds)
            {
                await copy.WriteRowAsync(ct, id, region, name);
            }

            await copy.CompleteAsync(ct);
        }

        await CopyChildrenAsync(connection, "buildings", "compound_id", _newBuildings, ct);
        await CopyChildrenAsync(connection, "building_units", "building_id", _newUnits, ct);
        foreach (var (table, next) in new[] { ("compounds", _nextCompound), ("buildings", _nextBuilding), ("building_units", _nextUnit) })
        {
            await using var setval = new NpgsqlCommand($"SELECT setval(pg_get_serial_sequence('{table}', 'id'), @last)", connection);
            setval.Parameters.Add(new NpgsqlParameter<long>("last", next - 1));
            if (next > 1)
            {
                await setval.ExecuteScalarAsync(ct);
            }
        }
    }

    private static async Task CopyChildrenAsync(NpgsqlConnection connection, string table, string parentColumn, List<(long Id, long Parent, string Region, string Name)> rows, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} (id, {parentColumn}, region_code, name) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (id, parent, region, name) in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(id, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(parent, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(region, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(name, NpgsqlDbType.Varchar, ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task<long> NextIdAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        // The larger of the highest id and the sequence's last value: ids given by either stay unique.
        await using var command = new NpgsqlCommand(
            $"SELECT GREATEST(COALESCE(max(id), 0), COALESCE(pg_sequence_last_value(pg_get_serial_sequence('{table}', 'id')::regclass), 0)) + 1 FROM {table}",
            connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<List<(long Id, long Parent, string Region, string Name)>> ReadAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        var list = new List<(long, long, string, string)>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        }

        return list;
    }
}
