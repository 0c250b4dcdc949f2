using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases.Investigation;

/// <summary>Replaces the itinerary of an open investigation (and, when given, the investigator, the onset date and the positive sample's sampling date).</summary>
public static class UpdateItinerary
{
    public sealed record Stop([Happened] DateTimeOffset? FromAt, [Happened] DateTimeOffset? ToAt, long? PlaceId, long? CompoundId, string? PlaceText, string? Note);

    public sealed record Command(IReadOnlyList<Stop> Itinerary, string? Investigator, [Happened] DateOnly? OnsetOn, [Happened] DateOnly? SampledOn = null);

    public static async Task<Result<InvestigationView>> HandleAsync(FangkongDbContext db, long caseId, Command command, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await GetInvestigation.LoadAsync(db, caseId, tracked: true, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (investigation, c) = loaded.Value;
        var entries = new List<ItineraryEntry>();
        for (var index = 0; index < command.Itinerary.Count; index++)
        {
            var stop = command.Itinerary[index];
            if (stop.FromAt is not { } from || stop.ToAt is not { } to)
            {
                return Error.Invalid($"itinerary[{index}]", ErrorText.Of("error.cases.entry-needs-fromat-toat", index + 1));
            }

            var entry = ItineraryEntry.Create(index, from, to, stop.PlaceId, stop.CompoundId, stop.PlaceText, stop.Note);
            if (!entry.IsSuccess)
            {
                return entry.Error!;
            }

            entries.Add(entry.Value!);
        }

        // Known places and compounds must exist within the jurisdiction.
        var placeIds = entries.Select(e => e.PlaceId).OfType<long>().Distinct().ToList();
        var knownPlaces = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (placeIds.Except(knownPlaces).FirstOrDefault() is var badPlace and > 0)
        {
            return Error.Invalid("itinerary", ErrorText.Of("error.cases.place-does-not-exist-outside", badPlace));
        }

        var compoundIds = entries.Select(e => e.CompoundId).OfType<long>().Distinct().ToList();
        var knownCompounds = await db.Compounds.AsNoTracking().Where(p => compoundIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (compoundIds.Except(knownCompounds).FirstOrDefault() is var badCompound and > 0)
        {
            return Error.Invalid("itinerary", ErrorText.Of("error.cases.compound-does-not-exist-outside", badCompound));
        }

        var updated = investigation.Update(entries, command.Investigator, command.OnsetOn, c.ReportedOn, command.SampledOn);
        if (!updated.IsSuccess)
        {
            return updated.Error!;
        }

        // Cluster detection learns the key places from the itinerary (ADR 0012) through the event's handler,
        // whose links this same SaveChanges writes.
        var stops = entries.Where(e => e.PlaceId is not null)
            .Select(e => new ItineraryRecorded.PlaceStop(e.PlaceId!.Value, ChinaTime.DayOf(e.FromAt), ChinaTime.DayOf(e.ToAt)))
            .ToList();
        await db.PublishAsync(new ItineraryRecorded(c.Id, stops), ct);
        await db.SaveChangesAsync(ct);
        return await GetInvestigation.ViewAsync(db, investigation, c, now, ct);
    }
}
