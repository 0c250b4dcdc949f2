using Fangkong.Common;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// An investigation's itinerary was recorded (replaced): the case and every stop at a known key place,
/// with the China-time days it was there. Published by <see cref="UpdateItinerary"/> before it saves.
/// </summary>
public sealed record ItineraryRecorded(long CaseId, IReadOnlyList<ItineraryRecorded.PlaceStop> Stops) : IDomainEvent
{
    public sealed record PlaceStop(long PlaceId, DateOnly FromOn, DateOnly ToOn);
}
