using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// Records a day's temperature and symptoms of a person under home watch. Sending the same day
/// again replaces the values (the answer says whether they changed), so a phone that retries
/// does no harm. The day must lie in the watch and not in the future.
/// </summary>
public static class RecordHomeCheckIn
{
    public const int MaxSymptoms = 10;

    public sealed record Command(long WatchId, [Happened] DateOnly? Day, decimal? Temperature, IReadOnlyList<string>? Symptoms);

    public enum Outcome
    {
        Recorded,
        Updated,
        Unchanged,
    }

    public sealed record Recorded(long Id, long WatchId, DateOnly Day, int DayNumber, decimal Temperature, string? Symptoms, bool Fever, bool Abnormal, Outcome Outcome);

    public static async Task<Result<Recorded>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var watch = await db.HomeWatches.AsNoTracking().FirstOrDefaultAsync(w => w.Id == command.WatchId, ct);
        if (watch is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.home-watch-does-not-exist", command.WatchId));
        }

        var today = ChinaTime.Today(time);
        var day = command.Day ?? today;
        if (watch.CheckDay(day, today) is { } dayError)
        {
            return dayError;
        }

        if (command.Temperature is not { } temperature || temperature < HomeCheckIn.MinTemperature || temperature > HomeCheckIn.MaxTemperature)
        {
            return Error.Invalid("temperature", ErrorText.Of("error.quarantine.temperature-lie-within-c", HomeCheckIn.MinTemperature, HomeCheckIn.MaxTemperature));
        }

        temperature = Math.Round(temperature, 1, MidpointRounding.AwayFromZero);
        var symptoms = (command.Symptoms ?? []).Select(s => s?.Trim()).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        var joined = symptoms.Count == 0 ? null : string.Join('，', symptoms);
        if (symptoms.Count > MaxSymptoms || joined?.Length > HomeCheckIn.SymptomsMaxLength)
        {
            return Error.Invalid("symptoms", ErrorText.Of("error.quarantine.most-symptoms-characters", MaxSymptoms, HomeCheckIn.SymptomsMaxLength));
        }

        var now = time.GetUtcNow();
        var existing = await db.HomeCheckIns.FirstOrDefaultAsync(c => c.WatchId == watch.Id && c.Day == day, ct);
        Outcome outcome;
        if (existing is null)
        {
            existing = new HomeCheckIn(watch.Id, watch.RegionCode, day, temperature, joined, db.Jurisdiction.UserName, now);
            db.HomeCheckIns.Add(existing);
            outcome = Outcome.Recorded;
        }
        else
        {
            outcome = existing.Set(temperature, joined, db.Jurisdiction.UserName, now) ? Outcome.Updated : Outcome.Unchanged;
        }

        if (outcome != Outcome.Unchanged)
        {
            await db.SaveChangesAsync(ct);
        }

        return new Recorded(existing.Id, watch.Id, day, watch.DayNumber(day), existing.Temperature, existing.Symptoms, existing.Fever, existing.Abnormal, outcome);
    }
}
