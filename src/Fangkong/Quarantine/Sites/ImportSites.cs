using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Sites;

/// <summary>
/// Imports sites from CSV (<c>name,kind,region_code,address,latitude,longitude,staff,contact_name,contact_phone,sections,per_section,multi_rooms,multi_capacity,accessible_rooms</c>),
/// all or nothing: every row is checked first and each refused row is named. A site already
/// registered (same county and name) is left as it is, so a re-run of the same file changes nothing.
/// </summary>
public static class ImportSites
{
    public sealed record Summary(int Rows, int Created, int AlreadyThere, int Spaces);

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["名称"] = "name", ["类型"] = "kind", ["区划代码"] = "region_code", ["地址"] = "address", ["纬度"] = "latitude", ["经度"] = "longitude",
        ["工作人员"] = "staff", ["联系人"] = "contact_name", ["联系电话"] = "contact_phone", ["楼层数"] = "sections", ["每层房间数"] = "per_section",
        ["多人间"] = "multi_rooms", ["多人间容量"] = "multi_capacity", ["无障碍间"] = "accessible_rooms",
    };

    private static readonly string[] Required = ["name", "kind", "region_code", "address", "latitude", "longitude", "sections", "per_section"];

    public static async Task<Result<Summary>> HandleAsync(FangkongDbContext db, TimeProvider time, string path, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var read = CsvFile.Read(path, Aliases, Required);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var commands = new List<(long Line, SaveSite.Command Command)>();
        var errors = new List<string>();
        foreach (var record in read.Value!)
        {
            var command = new SaveSite.Command(
                record.Get("name"), record.Get("kind"), record.Get("region_code"), record.Get("address"), Number(record.Get("latitude")), Number(record.Get("longitude")),
                Int(record.Get("staff")) ?? 0, Blank(record.Get("contact_name")), Blank(record.Get("contact_phone")), Int(record.Get("sections")), Int(record.Get("per_section")),
                Int(record.Get("multi_rooms")) ?? 0, Int(record.Get("multi_capacity")) ?? 3, Int(record.Get("accessible_rooms")) ?? 0);
            commands.Add((record.Line, command));
        }

        var existing = new HashSet<(string, string)>();
        foreach (var (line, command) in commands)
        {
            var region = Regions.RegionCode.Normalise(command.RegionCode) ?? string.Empty;
            var name = command.Name?.Trim() ?? string.Empty;
            if (!existing.Add((region, name)))
            {
                errors.Add(ErrorText.Of("error.quarantine.site-appears-twice-file", line, name));
                continue;
            }

            if (await SaveSite.CheckAsync(db, command, ct) is { } error && error.Kind != ErrorKind.Conflict)
            {
                errors.Add(ErrorText.Of("error.common.at-line", line).WithDetail(error));
            }
        }

        if (errors.Count > 0)
        {
            return Error.Invalid("file", ErrorText.Of("error.quarantine.nothing-imported-rows-refused", errors.Count).WithLines(errors.Take(50)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        int created = 0, there = 0, spaces = 0;
        foreach (var (line, command) in commands)
        {
            var saved = await SaveSite.HandleAsync(db, time, command, ct);
            if (saved.IsSuccess)
            {
                created++;
                spaces += saved.Value!.Spaces;
            }
            else if (saved.Error!.Kind == ErrorKind.Conflict)
            {
                there++;
            }
            else
            {
                return Error.Invalid("file", ErrorText.Of("error.common.at-line", line).WithDetail(saved.Error));
            }
        }

        await transaction.CommitAsync(ct);
        return new Summary(commands.Count, created, there, spaces);
    }

    private static double? Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static int? Int(string text) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
