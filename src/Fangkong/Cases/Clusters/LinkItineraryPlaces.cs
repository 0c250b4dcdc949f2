using Fangkong.Cases.Investigation;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Clusters;

/// <summary>
/// ADR 0012's promise: an investigation's itinerary feeds cluster detection. Each stop at a key place
/// becomes one place link per day the case was there (source <see cref="LinkSource.Itinerary"/>), so
/// that two cases at the same place within the window join a cluster. The itinerary is replaced as a
/// whole, so are its links; links recorded by hand or imported are left alone.
/// </summary>
public sealed class LinkItineraryPlaces : IHandleDomainEvent<ItineraryRecorded>
{
    /// <summary>A stop longer than this links its first days only: a cluster window is 14 days.</summary>
    public const int MaxDaysPerStop = 31;

    public async Task HandleAsync(FangkongDbContext db, ItineraryRecorded domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(domainEvent);
        var caseId = domainEvent.CaseId;
        var old = await db.CaseLinks.Where(l => l.CaseId == caseId && l.Source == LinkSource.Itinerary).ToListAsync(ct);
        db.CaseLinks.RemoveRange(old);

        var placeIds = domainEvent.Stops.Select(s => s.PlaceId).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var links = domainEvent.Stops
            .Where(s => places.ContainsKey(s.PlaceId))
            .SelectMany(s => Days(s.FromOn, s.ToOn).Select(day => (s.PlaceId, Day: day)))
            .Distinct()
            .Select(x => CaseLink.ToPlace(caseId, places[x.PlaceId], x.Day, LinkSource.Itinerary));
        db.CaseLinks.AddRange(links);
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to && day.DayNumber - from.DayNumber < MaxDaysPerStop; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
