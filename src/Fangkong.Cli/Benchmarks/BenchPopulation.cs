using System.Globalization;
using System.Text;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Persons;
using Fangkong.Regions;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The people a benchmark imports: <see cref="DemoPopulation"/> residents of 船营区's communities,
/// written to a CSV file in the documented format, and the regions they need. The communities are
/// the real ones when the chosen database has them; otherwise synthetic codes under 船营区
/// (220204), which the benchmark inserts as regions in its fresh databases.
/// </summary>
internal sealed class BenchPopulation
{
    private const string County = "220204";

    private BenchPopulation(IReadOnlyList<(string Code, string Name)> regions) => Regions = regions;

    /// <summary>The regions to insert: province, city, county, townships and communities.</summary>
    public IReadOnlyList<(string Code, string Name)> Regions { get; }

    public IReadOnlyList<DemoPopulation.Community> Communities =>
        Regions.Where(r => r.Code.Length == 12).Select(r => new DemoPopulation.Community(r.Code, r.Name)).ToList();

    public static async Task<BenchPopulation> ForAsync(DatabaseSettings chosen, CancellationToken ct)
    {
        var real = await RealRegionsAsync(chosen, ct);
        return new BenchPopulation(real.Count(r => r.Code.Length == 12) >= 20 ? real : Synthetic());
    }

    /// <summary>Writes about <paramref name="rows"/> residents to <paramref name="path"/>; returns how many it wrote.</summary>
    public long WriteCsv(string path, int rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("id_number,name,sex,birth_date,phone,region_code,compound,building,unit,room,household_no,health_code\n");
        long written = 0;
        foreach (var p in new DemoPopulation(County).Generate(Communities, rows))
        {
            writer.Write(string.Join(',',
                p.DocumentNumber, Field(p.Name), p.Sex == Sex.Male ? "男" : "女", p.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                p.Phone, p.RegionCode, Field(p.Compound), Field(p.Building), Field(p.Unit), Field(p.Room), p.HouseholdNo, "绿"));
            writer.Write('\n');
            written++;
        }

        return written;
    }

    public async Task SeedAsync(FangkongDbContext db, CancellationToken ct)
    {
        db.Regions.AddRange(Regions.Select(r => new Region(RegionCode.Parse(r.Code), r.Name)));
        await db.SaveChangesAsync(ct);
    }

    private static string? Field(string? value) =>
        value is not null && value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static async Task<List<(string Code, string Name)>> RealRegionsAsync(DatabaseSettings chosen, CancellationToken ct)
    {
        if (chosen.SqlitePath is { } path && !File.Exists(path))
        {
            return [];
        }

        // Plain ADO.NET: a missing database or table is an expected answer here, not an error to log.
        await using DbConnection connection = chosen.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(chosen.ConnectionString)
            : new SqliteConnection(chosen.ConnectionString);
        var regions = new List<(string, string)>();
        try
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT code, name FROM regions WHERE code IN ('22', '2202') OR code LIKE '{County}%'";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                regions.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        catch (DbException)
        {
            // No such database or no regions table yet: synthetic communities will do.
            return [];
        }

        return regions;
    }

    private static List<(string Code, string Name)> Synthetic()
    {
        var regions = new List<(string, string)> { ("22", "吉林省"), ("2202", "吉林市"), (County, "船营区") };
        for (var t = 1; t <= 8; t++)
        {
            var township = string.Create(CultureInfo.InvariantCulture, $"{County}{t:D3}");
            regions.Add((township, string.Create(CultureInfo.InvariantCulture, $"测试第{t}街道")));
            for (var c = 1; c <= 10; c++)
            {
                regions.Add((string.Create(CultureInfo.InvariantCulture, $"{township}{c:D3}"), string.Create(CultureInfo.InvariantCulture, $"测试{t}-{c}社区")));
            }
        }

        regions.Add(($"{County}100", "测试镇"));
        for (var v = 200; v < 220; v++)
        {
            regions.Add((string.Create(CultureInfo.InvariantCulture, $"{County}100{v}"), string.Create(CultureInfo.InvariantCulture, $"测试{v}村")));
        }

        return regions;
    }
}
