using Microsoft.Data.Sqlite;

namespace Fangkong.Persons;

/// <summary>
/// Finds or creates the compound, building and unit a row names, for the row-by-row SQLite path.
/// The residences of a region are read once, when the first row of that region comes; new ones are
/// inserted on first sight. Only names and ids are kept (thousands, not the rows).
/// </summary>
internal sealed class SqliteResidences(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    private readonly HashSet<string> _loadedRegions = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Region, string Name), long> _compounds = [];
    private readonly Dictionary<(long Compound, string Name), long> _buildings = [];
    private readonly Dictionary<(long Building, string Name), long> _units = [];
    private SqliteCommand? _insertCompound;
    private SqliteCommand? _insertBuilding;
    private SqliteCommand? _insertUnit;

    public int CompoundsCreated { get; private set; }

    public int BuildingsCreated { get; private set; }

    public int UnitsCreated { get; private set; }

    /// <summary>The ids of the row's compound, building and unit (null where the row names none).</summary>
    public (long? Compound, long? Building, long? Unit) Resolve(PersonRow row)
    {
        if (row.Compound is null)
        {
            return (null, null, null);
        }

        if (_loadedRegions.Add(row.RegionCode))
        {
            LoadRegion(row.RegionCode);
        }

        if (!_compounds.TryGetValue((row.RegionCode, row.Compound), out var compound))
        {
            _insertCompound ??= Prepare("INSERT INTO compounds (region_code, name) VALUES ($region, $name) RETURNING id");
            compound = Insert(_insertCompound, row.RegionCode, row.Compound);
            _compounds[(row.RegionCode, row.Compound)] = compound;
            CompoundsCreated++;
        }

        if (row.Building is null)
        {
            return (compound, null, null);
        }

        if (!_buildings.TryGetValue((compound, row.Building), out var building))
        {
            _insertBuilding ??= Prepare("INSERT INTO buildings (compound_id, region_code, name) VALUES ($parent, $region, $name) RETURNING id");
            building = Insert(_insertBuilding, row.RegionCode, row.Building, compound);
            _buildings[(compound, row.Building)] = building;
            BuildingsCreated++;
        }

        if (row.Unit is null)
        {
            return (compound, building, null);
        }

        if (!_units.TryGetValue((building, row.Unit), out var unit))
        {
            _insertUnit ??= Prepare("INSERT INTO building_units (building_id, region_code, name) VALUES ($parent, $region, $name) RETURNING id");
            unit = Insert(_insertUnit, row.RegionCode, row.Unit, building);
            _units[(building, row.Unit)] = unit;
            UnitsCreated++;
        }

        return (compound, building, unit);
    }

    public void Dispose()
    {
        _insertCompound?.Dispose();
        _insertBuilding?.Dispose();
        _insertUnit?.Dispose();
    }

    private void LoadRegion(string region)
    {
        foreach (var (id, parent, name) in Read("SELECT id, 0, name FROM compounds WHERE region_code = $region", region))
        {
            _compounds[(region, name)] = id;
        }

        foreach (var (id, parent, name) in Read("SELECT id, compound_id, name FROM buildings WHERE region_code = $region", region))
        {
            _buildings[(parent, name)] = id;
        }

        foreach (var (id, parent, name) in Read("SELECT id, building_id, name FROM building_units WHERE region_code = $region", region))
        {
            _units[(parent, name)] = id;
        }
    }

    private List<(long Id, long Parent, string Name)> Read(string sql, string region)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("$region", region);
        using var reader = command.ExecuteReader();
        var list = new List<(long, long, string)>();
        while (reader.Read())
        {
            list.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return list;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        command.Parameters.Add(new SqliteParameter("$region", null));
        command.Parameters.Add(new SqliteParameter("$name", null));
        if (sql.Contains("$parent", StringComparison.Ordinal))
        {
            command.Parameters.Add(new SqliteParameter("$parent", null));
        }

        command.Prepare();
        return command;
    }

    private static long Insert(SqliteCommand command, string region, string name, long? parent = null)
    {
        command.Parameters["$region"].Value = region;
        command.Parameters["$name"].Value = name;
        if (parent is { } id)
        {
            command.Parameters["$parent"].Value = id;
        }

        return (long)command.ExecuteScalar()!;
    }
}
