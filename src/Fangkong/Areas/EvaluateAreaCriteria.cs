using System.Globalization;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>
/// The lifting criteria of every compound (or every region of one level) in a scope on one day,
/// in a fixed handful of set queries whatever the number of units: last infections, close
/// contacts and round results are grouped by unit in the database, then joined here.
/// Per-unit queries would be 20,000 round trips for a province.
/// </summary>
public static class EvaluateAreaCriteria
{
    /// <summary>Every compound under <paramref name="scope"/> (any region level), ordered by region and name.</summary>
    public static async Task<Result<IReadOnlyList<AreaCriteria>>> ForCompoundsAsync(
        FangkongDbContext db, string scope, DateOnly day, AreaCriteriaSettings? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        settings ??= AreaCriteriaSettings.Default;
        if (Check(db, scope, settings) is { } error)
        {
            return error;
        }

        var region = RegionCode.Normalise(scope)!;
        var units = (await db.Compounds.AsNoTracking().Where(c => c.RegionCode.StartsWith(region))
                .Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(ct))
            .Select(c => new Unit(Key(c.Id), c.Name, c.RegionCode))
            .OrderBy(u => u.RegionCode, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)
            .ToList();
        var facts = await CompoundFacts.LoadAsync(db, region, day, settings, ct);
        return Result<IReadOnlyList<AreaCriteria>>.Ok(Combine(AreaUnitKind.Compound, units, facts, day, settings));
    }

    /// <summary>Every registered region of <paramref name="level"/> under <paramref name="scope"/> (the scope itself when of that level).</summary>
    public static async Task<Result<IReadOnlyList<AreaCriteria>>> ForRegionsAsync(
        FangkongDbContext db, string scope, RegionLevel level, DateOnly day, AreaCriteriaSettings? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        settings ??= AreaCriteriaSettings.Default;
        if (Check(db, scope, settings) is { } error)
        {
            return error;
        }

        var region = RegionCode.Normalise(scope)!;
        var length = (int)level;
        if (length < region.Length)
        {
            return Error.Invalid("level", ErrorText.Of("error.areas.level-above-scope", region, level));
        }

        var units = (await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(region) && r.Level == level)
                .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct))
            .Select(r => new Unit(r.Code, r.Name, r.Code))
            .ToList();
        var facts = await RegionFacts.LoadAsync(db, region, length, day, settings, ct);
        return Result<IReadOnlyList<AreaCriteria>>.Ok(Combine(AreaUnitKind.Region, units, facts, day, settings));
    }

    internal static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static Error? Check(FangkongDbContext db, string scope, AreaCriteriaSettings settings)
    {
        if (settings.Check() is { } invalid)
        {
            return invalid;
        }

        var region = RegionCode.Normalise(scope);
        if (region is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", scope));
        }

        // Several queries below lift the sampling-point filter of samples and tubes (a resident may be
        // swabbed anywhere) and filter the residents by this scope instead: it must lie in the jurisdiction.
        return db.Jurisdiction.Covers(region)
            ? null
            : Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
    }

    private static IReadOnlyList<AreaCriteria> Combine(AreaUnitKind kind, List<Unit> units, UnitFacts facts, DateOnly day, AreaCriteriaSettings settings)
    {
        // Only the contacts of each unit's last exposure date matter; the others are older.
        var lastContacts = facts.Contacts
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g =>
            {
                var last = g.Max(c => c.Exposure);
                return (Last: last, Numbers: g.Where(c => c.Exposure == last).Select(c => c.IdNumber).ToList());
            }, StringComparer.Ordinal);
        var lines = new List<AreaCriteria>(units.Count);
        foreach (var unit in units)
        {
            var lastInfection = facts.LastInfections.TryGetValue(unit.Key, out var infected) ? infected : (DateOnly?)null;
            var noNewInfection = lastInfection is null || day.DayNumber - lastInfection.Value.DayNumber >= settings.CleanDays;

            DateOnly? lastExposure = null;
            bool? negative = null;
            if (lastContacts.TryGetValue(unit.Key, out var contacts))
            {
                lastExposure = contacts.Last;
                negative = contacts.Numbers.TrueForAll(n => facts.LastNegativeDay.TryGetValue(n, out var tested) && tested > contacts.Last);
            }

            var contactsCleared = lastExposure is null || (day.DayNumber - lastExposure.Value.DayNumber >= settings.CleanDays && negative == true);

            var residents = facts.Residents.GetValueOrDefault(unit.Key);
            var round = facts.Rounds
                .Where(r => unit.RegionCode.StartsWith(r.RegionCode, StringComparison.Ordinal))
                .OrderByDescending(r => r.Day).ThenByDescending(r => r.Id)
                .Select(r => (Round: r, Line: facts.RoundLines.GetValueOrDefault((r.Id, unit.Key)), Exempted: facts.Exempted.GetValueOrDefault((r.Id, unit.Key))))
                .ToList();

            // The latest covering round that is clean counts; otherwise the latest one is shown.
            var clean = round.Find(r => IsClean(residents, r.Line, r.Exempted));
            var shown = clean.Round is not null ? clean : round.FirstOrDefault();
            lines.Add(new AreaCriteria(
                kind, unit.Key, unit.Name, unit.RegionCode, day, residents, lastInfection, lastExposure, negative,
                shown.Round?.Id, shown.Round?.Day, shown.Line.Negative, shown.Line.Positive, shown.Exempted,
                noNewInfection, contactsCleared, clean.Round is not null));
        }

        return lines;
    }

    /// <summary>Complete (every resident negative or exempted) and all negative; a unit without registered residents gives no evidence.</summary>
    private static bool IsClean(long residents, RoundLine line, long exempted) =>
        residents > 0 && line.Positive == 0 && line.Negative + exempted >= residents;

    private sealed record Unit(string Key, string Name, string RegionCode);
}

/// <summary>A round that may count for the criteria: started within the window.</summary>
internal sealed record CandidateRound(long Id, string RegionCode, DateOnly Day);

/// <summary>Residents of one unit with a negative result, and with a positive one, in one round.</summary>
internal readonly record struct RoundLine(long Negative, long Positive);

/// <summary>A close contact living in a unit; the resident record when the register has the document.</summary>
internal sealed record UnitContact(string Key, DateOnly Exposure, string IdNumber, long? PersonId);

/// <summary>What the set queries found, keyed by unit.</summary>
internal sealed record UnitFacts(
    Dictionary<string, DateOnly> LastInfections,
    List<UnitContact> Contacts,
    Dictionary<string, DateOnly> LastNegativeDay,
    Dictionary<string, long> Residents,
    List<CandidateRound> Rounds,
    Dictionary<(long RoundId, string Key), RoundLine> RoundLines,
    Dictionary<(long RoundId, string Key), long> Exempted);
