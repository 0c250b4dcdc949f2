using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// Place-code scans (场所码扫码), from <c>checkins import FILE.csv</c> (columns
/// <c>id_number,place_code_or_id,checked_in_at</c>) or from the API: all or nothing, each bad
/// row refused with its line and reason. The place is a key place known to Fangkong (its id)
/// within the caller's jurisdiction; a time without an offset is China Standard Time. A scan
/// already stored (same person, place and instant) is not stored twice, so a file can be sent again.
/// </summary>
public static class ImportCheckIns
{
    public const int MaxRows = 200_000;

    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["身份证号"] = "id_number",
        ["证件号码"] = "id_number",
        ["场所"] = "place_code_or_id",
        ["场所编号"] = "place_code_or_id",
        ["place_id"] = "place_code_or_id",
        ["扫码时间"] = "checked_in_at",
    };

    private static readonly string[] Required = ["id_number", "place_code_or_id", "checked_in_at"];

    public sealed record Row(long Line, string IdNumber, string Place, string CheckedInAt);

    public sealed record Imported(int Rows, int Added, int AlreadyStored);

    public static async Task<Result<Imported>> HandleAsync(FangkongDbContext db, string path, CancellationToken ct = default)
    {
        var read = CsvFile.Read(path, Aliases, Required);
        if (!read.IsSuccess)
        {
            return read.Error!;
        }

        var rows = read.Value!.Select(r => new Row(r.Line, r.Get("id_number"), r.Get("place_code_or_id"), r.Get("checked_in_at"))).ToList();
        return await HandleAsync(db, rows, "file", ct);
    }

    /// <summary>Stores the scans of <paramref name="rows"/>; a refusal names <paramref name="field"/> and lists every bad row.</summary>
    public static async Task<Result<Imported>> HandleAsync(FangkongDbContext db, IReadOnlyList<Row> rows, string field, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count is 0 or > MaxRows)
        {
            return Error.Invalid(field, ErrorText.Of("error.cases.check-batch-holds-rows", MaxRows));
        }

        var placeIds = rows.Select(r => long.TryParse(r.Place.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.RegionCode, ct);

        var errors = new List<string>();
        var parsed = new List<(long Line, string IdNumber, long PlaceId, string Region, DateTimeOffset At)>();
        var seen = new Dictionary<(string, long, DateTimeOffset), long>();
        foreach (var row in rows)
        {
            var idNumber = row.IdNumber.Trim().ToUpperInvariant();
            string? reason = null;
            long placeId = 0;
            DateTimeOffset at = default;
            if (idNumber.Length is 0 or > Case.IdNumberMaxLength)
            {
                reason = ErrorText.Of("error.cases.id-number-characters", Case.IdNumberMaxLength);
            }
            else if (idNumber.Length == IdNumber.Length && idNumber[..17].All(char.IsAsciiDigit) && !IdNumber.TryParse(idNumber, out _, out var idError))
            {
                reason = ErrorText.Of("error.cases.id-number", idNumber, idError);
            }
            else if (!long.TryParse(row.Place.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out placeId) || !places.ContainsKey(placeId))
            {
                reason = ErrorText.Of("error.cases.place-unknown-outside-jurisdiction", row.Place);
            }
            else if (!TryParseTime(row.CheckedInAt, out at))
            {
                reason = ErrorText.Of("error.cases.checked-not-time", row.CheckedInAt);
            }
            else if (PlausibleDates.CheckHappened("checked_in_at", at, db.Clock.GetUtcNow()) is { } implausible)
            {
                reason = implausible.Message;
            }
            else if (seen.TryGetValue((idNumber, placeId, at.ToUniversalTime()), out var earlier))
            {
                reason = ErrorText.Of("error.cases.repeats-line", earlier);
            }

            if (reason is not null)
            {
                errors.Add(CasesCsv.Line(row.Line, reason));
                continue;
            }

            at = at.ToUniversalTime();
            seen[(idNumber, placeId, at)] = row.Line;
            parsed.Add((row.Line, idNumber, placeId, places[placeId], at.ToUniversalTime()));
        }

        if (errors.Count > 0)
        {
            return CasesCsv.Refused(field, "扫码记录", errors);
        }

        var numbers = parsed.Select(p => p.IdNumber).Distinct().ToList();
        var persons = (await db.Persons.AsNoTracking().Where(p => numbers.Contains(p.DocumentNumber)).Select(p => new { p.Id, p.DocumentNumber }).ToListAsync(ct))
            .GroupBy(p => p.DocumentNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var from = parsed.Min(p => p.At);
        var to = parsed.Max(p => p.At);
        var stored = (await db.CheckIns.AsNoTracking().Where(c => placeIds.Contains(c.PlaceId) && c.CheckedInAt >= from && c.CheckedInAt <= to)
            .Select(c => new { c.IdNumber, c.PlaceId, c.CheckedInAt }).ToListAsync(ct))
            .Select(c => (c.IdNumber, c.PlaceId, c.CheckedInAt.ToUniversalTime())).ToHashSet();

        var added = 0;
        foreach (var p in parsed)
        {
            if (stored.Contains((p.IdNumber, p.PlaceId, p.At.ToUniversalTime())))
            {
                continue;
            }

            db.CheckIns.Add(new CheckIn(persons.TryGetValue(p.IdNumber, out var personId) ? personId : null, p.IdNumber, p.PlaceId, p.Region, p.At));
            added++;
        }

        await db.SaveChangesAsync(ct);
        return new Imported(rows.Count, added, parsed.Count - added);
    }

    /// <summary>An instant; without an offset it is China Standard Time, the time on the scanner's screen.</summary>
    public static bool TryParseTime(string text, out DateTimeOffset value)
    {
        value = default;
        var trimmed = text.Trim();
        if (!DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var local))
        {
            return false;
        }

        if (local.Kind == DateTimeKind.Unspecified)
        {
            value = new DateTimeOffset(local, ChinaTime.Offset);
            return true;
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
